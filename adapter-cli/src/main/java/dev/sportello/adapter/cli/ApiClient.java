package dev.sportello.adapter.cli;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.LongConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * A small client of Sportello's own REST API, for the command line: JSON in and out, the API key as
 * a bearer token, and documents streamed to a file.
 */
final class ApiClient {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI baseUrl;
  private final String apiKey;

  ApiClient(URI baseUrl, String apiKey) {
    this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
    this.apiKey = apiKey;
  }

  /** An answer: its status and its JSON body ({@code null} node when there is none). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The problem's title and detail, and one line per violation. */
    String problem() {
      StringBuilder text =
          new StringBuilder(
              body.path("title").asString("HTTP " + status)
                  + (body.has("detail") ? ": " + body.path("detail").asString() : ""));
      for (JsonNode violation : body.path("violations")) {
        text.append(System.lineSeparator())
            .append("  ")
            .append(violation.path("field").asString())
            .append(" ")
            .append(violation.path("code").asString())
            .append(": ")
            .append(violation.path("message").asString());
      }
      return text.toString();
    }
  }

  Either<String, Answer> get(String path) {
    return send(request(path).GET());
  }

  Either<String, Answer> post(String path, Object body, Option<String> idempotencyKey) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    idempotencyKey.forEach(key -> request.header("Idempotency-Key", key));
    return send(request);
  }

  /**
   * Streams a body to a file (written next to it, then moved into place), telling the progress
   * listener how many bytes arrived so far. Anything but 200 is read as a problem instead.
   */
  Either<String, Either<Answer, Long>> download(String path, Path target, LongConsumer progress) {
    try {
      HttpResponse<InputStream> response =
          http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          return Either.right(
              Either.left(new Answer(response.statusCode(), parse(in.readAllBytes()))));
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        long total = 0;
        try (OutputStream out = Files.newOutputStream(partial)) {
          byte[] buffer = new byte[64 * 1024];
          for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
            total += read;
            progress.accept(total);
          }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return Either.right(Either.right(total));
      }
    } catch (IOException failure) {
      return Either.left(unreachable(failure));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Either.left("interrupted");
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path.replaceFirst("^/", "")))
        .timeout(TIMEOUT)
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + apiKey);
  }

  private Either<String, Answer> send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return Either.right(new Answer(response.statusCode(), parse(response.body())));
    } catch (IOException failure) {
      return Either.left(unreachable(failure));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Either.left("interrupted");
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException notJson) {
      return NullNode.getInstance();
    }
  }

  private String unreachable(IOException failure) {
    return failure instanceof ConnectException
        ? "cannot reach Sportello at " + baseUrl + " (is `sportello serve` running?)"
        : "the call to " + baseUrl + " failed: " + failure.getClass().getSimpleName();
  }
}
