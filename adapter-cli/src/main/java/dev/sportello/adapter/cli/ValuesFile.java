package dev.sportello.adapter.cli;

import io.vavr.control.Either;
import io.vavr.control.Try;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file {@code request submit} sends: {@code {"values": {"$0": "…"}, "extras": ["opzione_0"]}}.
 * Only its shape is checked here; the service checks the values, and says what is wrong.
 *
 * @param values the values by field key, as written
 * @param extras the chosen extras, as written
 */
record ValuesFile(JsonNode values, JsonNode extras) {
  private static final JsonMapper LENIENT =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

  static Either<String, ValuesFile> read(Path file) {
    return Try.of(() -> Files.readString(file))
        .toEither()
        .mapLeft(failure -> "cannot read " + file + ": " + failure.getClass().getSimpleName())
        .flatMap(json ->
            Try.of(() -> LENIENT.readTree(json))
                .toEither()
                .mapLeft(failure -> file + ": not valid JSON" + where(failure)))
        .filterOrElse(JsonNode::isObject, root -> file + ": a submission should be a JSON object")
        .map(root ->
            new ValuesFile(
                root.has("values") ? root.get("values") : LENIENT.createObjectNode(),
                root.has("extras") ? root.get("extras") : LENIENT.createArrayNode()));
  }

  /** Where the JSON breaks; Jackson's own message could quote a personal value. */
  private static String where(Throwable failure) {
    return failure instanceof JacksonException unreadable
            && unreadable.getLocation() != null
            && unreadable.getLocation().getLineNr() >= 1
        ? " (line "
            + unreadable.getLocation().getLineNr()
            + ", column "
            + unreadable.getLocation().getColumnNr()
            + ")"
        : "";
  }
}
