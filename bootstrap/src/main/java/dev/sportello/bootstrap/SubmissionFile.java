package dev.sportello.bootstrap;

import static dev.sportello.bootstrap.JsonInput.MAPPER;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import tools.jackson.databind.JsonNode;

/**
 * A submission to check, read from {@code {"values": {"$0": "…"}, "extras": ["opzione_0"]}}.
 *
 * @param values the values by wire key, as entered
 * @param extras the chosen extras, by key
 */
record SubmissionFile(Map<String, String> values, List<String> extras) {

  static Either<String, SubmissionFile> read(String json) {
    return JsonInput.read(json, SubmissionFile::submission);
  }

  private static SubmissionFile submission(String json) {
    JsonNode root = MAPPER.readTree(json);
    if (!root.isObject()) {
      throw new UnreadableInputException("a submission should be a JSON object");
    }
    JsonNode values = root.path("values");
    if (!values.isMissingNode() && !values.isObject()) {
      throw new UnreadableInputException("values should be an object");
    }
    Map<String, String> byKey = LinkedHashMap.empty();
    for (var entry : values.properties()) {
      byKey = byKey.put(entry.getKey(), JsonInput.text(values, entry.getKey(), "values."));
    }
    JsonNode extras = root.path("extras");
    if (!extras.isMissingNode() && !extras.isNull() && !extras.isArray()) {
      throw new UnreadableInputException("extras should be a list");
    }
    return new SubmissionFile(
        byKey,
        List.ofAll(extras.values())
            .map(extra -> {
              if (!extra.isString()) {
                throw new UnreadableInputException("extras should list extras by key");
              }
              return extra.stringValue();
            }));
  }
}
