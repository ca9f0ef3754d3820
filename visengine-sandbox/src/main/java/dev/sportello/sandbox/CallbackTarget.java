package dev.sportello.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where to POST a request on every status change, and how: Visengine's {@code callback_data} or
 * DocuEngine's {@code callback}.
 *
 * @param method the method as the client named it ({@code POST}, the default, or {@code JSON})
 * @param body how the request travels in the POST
 * @param field the form field (Visengine) or JSON property (DocuEngine) that holds the request when
 *     {@code method} is {@code POST}
 * @param headers extra headers sent with every delivery (DocuEngine only)
 * @param data the caller's opaque object, echoed back in the request
 */
record CallbackTarget(
    URI url, String method, Body body, String field, Map<String, String> headers, JsonNode data) {

  /** How a delivery carries the request. */
  enum Body {
    /** A form whose field {@code field} holds the request's JSON (Visengine, method POST). */
    FORM_FIELD,
    /** {@code {"data": <request>}} as JSON (either engine, method JSON). */
    JSON_DATA,
    /** {@code {<field>: <request>}} as JSON (DocuEngine, method POST). */
    JSON_FIELD
  }

  /** Header names an HTTP client sets itself, which a caller cannot choose. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of("connection", "content-length", "content-type", "expect", "host", "upgrade");

  /** Limits of the sandbox's own (the vendor documents none) on the headers a callback carries. */
  static final int MAX_HEADERS = 20;

  static final int MAX_HEADER_CHARACTERS = 1024;

  /** An RFC 9110 token, the only thing a header name may be. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  CallbackTarget {
    // Echoed back in the order the client gave them.
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Reads Visengine's {@code callback_data}; {@code false}, {@code null} or absent mean none. */
  static Optional<CallbackTarget> parseVisengine(@Nullable JsonNode node, ApiError invalid) {
    if (node == null || node.isNull() || node.isBoolean()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw invalid.error("callback_data must be an object {url, method, field, data}");
    }
    URI url = absoluteHttpUrl(Json.text(node, "url").orElse(""), "callback_data", invalid);
    String method = method(node, "callback_data", invalid);
    String field = Json.text(node, "field").filter(name -> !name.isBlank()).orElse("data");
    Body body = method.equals("JSON") ? Body.JSON_DATA : Body.FORM_FIELD;
    return Optional.of(new CallbackTarget(url, method, body, field, Map.of(), data(node)));
  }

  /**
   * Reads DocuEngine's {@code callback}: {@code headers} must be there (428/311), {@code field} is
   * needed with method POST; {@code null} or absent mean none.
   */
  static Optional<CallbackTarget> parseDocuEngine(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    // DocuEngine's list has no code for a bad callback: "no fields were accepted" (400/300) it is.
    ApiError invalid = ApiError.NO_FIELDS_ACCEPTED;
    if (!node.isObject()) {
      throw invalid.error("callback must be an object");
    }
    URI url = absoluteHttpUrl(Json.text(node, "url").orElse(""), "callback", invalid);
    String method = method(node, "callback", invalid);
    JsonNode headerNode = node.get("headers");
    if (headerNode == null || !headerNode.isObject()) {
      throw ApiError.CALLBACK_HEADERS_REQUIRED.error();
    }
    if (headerNode.size() > MAX_HEADERS) {
      throw invalid.error("callback.headers takes at most " + MAX_HEADERS + " headers");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> header : headerNode.properties()) {
      String name = header.getKey();
      String value = header.getValue().isContainer() ? "" : header.getValue().asString();
      if (!HEADER_NAME.matcher(name).matches()
          || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
          || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw invalid.error("callback.headers." + Echo.of(name) + " cannot be sent as a header");
      }
      if (name.length() + value.length() > MAX_HEADER_CHARACTERS) {
        throw invalid.error(
            "callback.headers."
                + Echo.of(name)
                + " is longer than "
                + MAX_HEADER_CHARACTERS
                + " characters, name and value");
      }
      headers.put(name, value);
    }
    Optional<String> field = Json.text(node, "field").filter(name -> !name.isBlank());
    if (method.equals("POST") && field.isEmpty()) {
      throw invalid.error("callback.field is required with method POST");
    }
    Body body = method.equals("JSON") ? Body.JSON_DATA : Body.JSON_FIELD;
    return Optional.of(
        new CallbackTarget(url, method, body, field.orElse("data"), headers, data(node)));
  }

  private static String method(JsonNode node, String name, ApiError invalid) {
    String method = Json.text(node, "method").orElse("POST").strip().toUpperCase(Locale.ROOT);
    if (!method.equals("JSON") && !method.equals("POST")) {
      throw invalid.error(name + ".method must be JSON or POST");
    }
    return method;
  }

  private static JsonNode data(JsonNode node) {
    return node.has("data") ? node.get("data").deepCopy() : Json.object();
  }

  private static URI absoluteHttpUrl(String text, String name, ApiError invalid) {
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
    throw invalid.error(name + ".url must be an absolute http(s) URL");
  }

  /** The property under which the request travels in a JSON delivery. */
  String jsonProperty() {
    return body == Body.JSON_FIELD ? field : "data";
  }

  /** Visengine's echo: {@code {url, method, field, data}}. */
  ObjectNode toVisengineJson() {
    ObjectNode json = Json.object();
    json.put("url", url.toString());
    json.put("method", method);
    json.put("field", field);
    json.set("data", data.deepCopy());
    return json;
  }

  /** DocuEngine's echo, in the vendor's order: {@code {url, field, method, headers, data}}. */
  ObjectNode toDocuEngineJson() {
    ObjectNode json = Json.object();
    json.put("url", url.toString());
    json.put("field", field);
    json.put("method", method);
    ObjectNode headerJson = json.putObject("headers");
    headers.forEach(headerJson::put);
    json.set("data", data.deepCopy());
    return json;
  }
}
