package dev.sportello.bootstrap.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the service and the sandbox's control API. A call that gets no answer
 * (refused, reset, timed out) throws, as it would for any client; what to do then is the caller's
 * decision.
 */
final class Http {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Duration timeout;

  Http(Duration timeout) {
    this.timeout = timeout;
  }

  /** A status and the body as JSON ({@code MissingNode} when the body is not JSON). */
  record Reply(int status, String text) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (tools.jackson.core.JacksonException notJson) {
        return JSON.missingNode();
      }
    }
  }

  Reply send(String method, URI uri, String bearer, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bearer " + bearer)
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!body.isEmpty()) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
