package dev.sportello.bootstrap;

import io.vavr.control.Either;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lenient reading of the JSON files the command line is given: trailing commas, repeated keys, and
 * values written as numbers or booleans where text is expected.
 */
final class JsonInput {
  private JsonInput() {}

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  /** Runs a reader, turning every reading failure into a one-line message. */
  static <T> Either<String, T> read(String json, Function<String, T> reader) {
    try {
      return Either.right(reader.apply(json));
    } catch (UnreadableInputException e) {
      return Either.left(String.valueOf(e.getMessage()));
    } catch (JacksonException e) {
      // Jackson's message can quote a stray token, which may be personal data: say only where.
      return Either.left("not valid JSON" + where(e.getLocation()));
    }
  }

  /** A text member; absent or null reads as empty, numbers and booleans as their JSON text. */
  static String text(JsonNode parent, String name, String path) {
    JsonNode node = parent.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return "";
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asString();
    }
    throw new UnreadableInputException(path + name + " should be text");
  }

  private static String where(TokenStreamLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
