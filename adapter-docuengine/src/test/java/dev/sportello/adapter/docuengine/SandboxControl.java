package dev.sportello.adapter.docuengine;

import dev.sportello.sandbox.VisengineSandbox;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The sandbox's control API, for what the ports cannot do: faults and scripted outcomes. */
final class SandboxControl {
  private final VisengineSandbox sandbox;

  SandboxControl(VisengineSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** Arms a fault on a route, such as {@code PATCH /requests/{id}}. */
  void fault(String route, String type, int times, String detail)
      throws IOException, InterruptedException {
    send(
        "POST",
        "/_sandbox/faults",
        """
        {"route":"%s","type":"%s","times":%d%s}\
        """
            .formatted(route, type, times, detail));
  }

  /** Ends a request as scripted: {@code cancelled}, {@code error} or {@code failed}. */
  void outcome(String requestId, String outcome) throws IOException, InterruptedException {
    send(
        "POST",
        "/_sandbox/requests/" + requestId + "/outcome",
        "{\"outcome\":\"" + outcome + "\",\"reason\":\"richiesta annullata dall'operatore\"}");
  }

  /** Makes new requests for a document answer 417 (or makes them work again). */
  void available(String documentId, boolean available) throws IOException, InterruptedException {
    send("PUT", "/_sandbox/documents/" + documentId, "{\"available\":" + available + "}");
  }

  private void send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> answer;
    try (HttpClient control = HttpClient.newHttpClient()) {
      answer =
          control.send(
              HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                  .header("Authorization", "Bearer " + sandbox.token())
                  .header("Content-Type", "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    if (answer.statusCode() != 200) {
      throw new IOException("the sandbox refused " + method + " " + path + ": " + answer.body());
    }
  }
}
