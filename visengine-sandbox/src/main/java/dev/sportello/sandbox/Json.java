package dev.sportello.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON configuration of the sandbox, and lenient readers for client-supplied values. */
final class Json {

  /**
   * Clients of the real service send sloppy JSON (no Content-Type, trailing commas, quoted
   * numbers), so bodies are read as leniently as Jackson allows.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
          .build();

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Parses a request body; anything that is not a JSON object reads as an empty object. */
  static ObjectNode parseBody(byte[] body) {
    if (body.length == 0) {
      return object();
    }
    try {
      return MAPPER.readTree(body) instanceof ObjectNode objectNode ? objectNode : object();
    } catch (JacksonException notJson) {
      return object();
    }
  }

  static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  static JsonNode read(String text) {
    return MAPPER.readTree(text);
  }

  /** Prices print like the vendor's: {@code 40}, {@code 4.9}, {@code 0.38}. */
  static JsonNode price(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() <= 0
        ? NODES.numberNode(stripped.longValueExact())
        : NODES.numberNode(stripped.doubleValue());
  }

  /**
   * ISO-8601 in UTC to the second, as the OAuth service writes times: {@code 2026-12-06T10:00:00Z}.
   */
  static String timestamp(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Present, non-null scalar as text (numbers and booleans included). */
  static Optional<String> text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull() || node.isContainer()) {
      return Optional.empty();
    }
    return Optional.of(node.asString());
  }

  /** An integer sent as a number or as a numeric string ({@code 1}, {@code "1"}). */
  static OptionalInt integer(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return OptionalInt.empty();
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return OptionalInt.of(node.asInt());
    }
    if (node.isString()) {
      try {
        return OptionalInt.of(Integer.parseInt(node.stringValue().strip()));
      } catch (NumberFormatException notANumber) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  /** A flag sent as {@code true}, {@code 1} or {@code "true"}; absent means false. */
  static boolean flag(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.asString().strip();
    return text.equalsIgnoreCase("true") || text.equals("1");
  }
}
