package dev.sportello.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code {data, success, message, error}} envelope every response wears but the OAuth service's
 * {@code POST /tokens} and {@code GET /tokens/{token}}, which answer a bare TokenDetail.
 */
final class Envelope {

  private Envelope() {}

  static ObjectNode success(JsonNode data) {
    return success(data, "");
  }

  static ObjectNode success(JsonNode data, String message) {
    ObjectNode envelope = Json.object();
    envelope.set("data", data);
    envelope.put("success", true);
    envelope.put("message", message);
    envelope.putNull("error");
    return envelope;
  }

  static ObjectNode failure(String message, int code) {
    ObjectNode envelope = Json.object();
    envelope.putNull("data");
    envelope.put("success", false);
    envelope.put("message", message);
    envelope.put("error", code);
    return envelope;
  }

  static ObjectNode failure(ApiRefusal error) {
    return failure(error.text(), error.row().code);
  }
}
