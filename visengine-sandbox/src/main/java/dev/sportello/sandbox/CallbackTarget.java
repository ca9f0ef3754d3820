package dev.sportello.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's {@code callback_data}: where to POST the request on every status change, and how.
 *
 * @param asJson {@code method: "JSON"} sends {@code {"data": <richiesta>}} as a JSON body; {@code
 *     "POST"} (the vendor's default) sends a form whose field {@code field} holds the richiesta's
 *     JSON
 * @param data the caller's opaque object, echoed back inside {@code callback_data}
 */
record CallbackTarget(URI url, boolean asJson, String field, JsonNode data) {

  /** Reads {@code callback_data}; {@code false}, {@code null} or absent mean no callback. */
  static Optional<CallbackTarget> parse(@Nullable JsonNode node, ApiError invalid) {
    if (node == null || node.isNull() || node.isBoolean()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw invalid.error("callback_data must be an object {url, method, field, data}");
    }
    URI url = absoluteHttpUrl(Json.text(node, "url").orElse(""), invalid);
    String method = Json.text(node, "method").orElse("POST").strip().toUpperCase(Locale.ROOT);
    if (!method.equals("JSON") && !method.equals("POST")) {
      throw invalid.error("callback_data.method must be JSON or POST");
    }
    String field = Json.text(node, "field").filter(name -> !name.isBlank()).orElse("data");
    JsonNode data = node.has("data") ? node.get("data").deepCopy() : Json.object();
    return Optional.of(new CallbackTarget(url, method.equals("JSON"), field, data));
  }

  private static URI absoluteHttpUrl(String text, ApiError invalid) {
    try {
      URI url = new URI(text.strip());
      String scheme = url.getScheme();
      if (scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException malformed) {
      // reported below like any other unusable URL
    }
    throw invalid.error("callback_data.url must be an absolute http(s) URL");
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("url", url.toString());
    json.put("method", asJson ? "JSON" : "POST");
    json.put("field", field);
    json.set("data", data.deepCopy());
    return json;
  }
}
