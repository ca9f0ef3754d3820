package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.TestApplication;
import io.vavr.collection.HashMap;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages served beside the API on its server, such as a web console. */
class AlongsideTest {
  private final BlockingQueue<String> labels = new LinkedBlockingQueue<>();
  private final RestAdapter adapter =
      RestAdapter.create(
              TestApplication.create().useCases(),
              RestSettings.of(HashMap.empty(), () -> true, () -> true, () -> "")
                  .withAddress("127.0.0.1", 0)
                  .withHttpObserver((method, route, status, duration) -> labels.add(route)),
              config -> {
                config.routes.get("/pages/{id}", ctx -> ctx.html("<p>a page</p>"));
                config.routes.error(
                    404,
                    ctx -> {
                      if (ctx.path().startsWith("/pages/")) {
                        ctx.res().reset();
                        ctx.status(404);
                        ctx.html("<h1>No such page</h1>");
                      }
                    });
              })
          .start();

  @AfterEach
  void stop() {
    adapter.stop();
  }

  @Test
  void aPageIsServedAndReportedByItsRouteNeverItsAddress()
      throws IOException, InterruptedException {
    HttpResponse<String> page = get("/pages/req-2");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).isEqualTo("<p>a page</p>");
    assertThat(labels.poll(5, TimeUnit.SECONDS)).isEqualTo("/pages/{id}");
  }

  @Test
  void thePagesAnswerTheErrorsOnTheirOwnAddresses() throws IOException, InterruptedException {
    HttpResponse<String> missing = get("/pages/req-2/nothing");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(missing.body()).isEqualTo("<h1>No such page</h1>");
  }

  @Test
  void theApiStillAnswersItsOwnErrorsWithProblems() throws IOException, InterruptedException {
    HttpResponse<String> missing = get("/api/v1/nothing");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
