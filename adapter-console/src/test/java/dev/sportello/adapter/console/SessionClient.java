package dev.sportello.adapter.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Requests in a signed-in browser's session that are not pages: downloads, and event streams read
 * line by line as they arrive.
 */
final class SessionClient {
  private final Browser browser;
  private final HttpClient client = HttpClient.newHttpClient();

  SessionClient(Browser browser) {
    this.browser = browser;
  }

  HttpResponse<byte[]> download(String path) {
    try {
      return client.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** Opens an event stream; the answer completes once its headers have come. */
  CompletableFuture<HttpResponse<Stream<String>>> events(String path) {
    return client.sendAsync(
        request(path).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  private HttpRequest.Builder request(String path) {
    String cookies =
        browser.cookies().stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
    return HttpRequest.newBuilder(browser.uri(path)).header("Cookie", cookies);
  }
}
