package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Checks a sandbox's answers against a vendor's published OpenAPI description: documented errors
 * answered with their status, code and message, and successes of the documented shape.
 *
 * @param completeSchemas schemas whose every documented property must be present
 * @param placeholder property names the vendor uses as placeholders ({@code $n}, {@code fieldN})
 * @param mayBeFalse schemas the vendor sends as {@code false} when there is none
 */
record SchemaCheck(
    JsonNode spec,
    Set<String> completeSchemas,
    Predicate<String> placeholder,
    Set<String> mayBeFalse) {

  /** The description lives in {@code shared/reference/} next to (some ancestor of) the checkout. */
  static Optional<JsonNode> locate(String fileName) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/reference/" + fileName);
      if (Files.isRegularFile(candidate)) {
        try {
          return Optional.of(Json.read(Files.readString(candidate)));
        } catch (IOException unreadable) {
          throw new UncheckedIOException(unreadable);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Provokes every documented error with its scenario ({@code "METHOD /path STATUS"}) and checks
   * the answer; returns the keys checked.
   */
  List<String> checkEveryError(
      Function<String, Optional<Function<SandboxHttp, Response>>> scenarios, SandboxHttp api) {
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        for (Map.Entry<String, JsonNode> answer :
            operation.getValue().path("responses").properties()) {
          if (answer.getKey().equals("200")) {
            continue;
          }
          String key =
              operation.getKey().toUpperCase(Locale.ROOT)
                  + " "
                  + path.getKey()
                  + " "
                  + answer.getKey();
          JsonNode example = answer.getValue().at("/content/application~1json/example");
          Response response =
              scenarios
                  .apply(key)
                  .orElseThrow(() -> new AssertionError("no scenario for " + key))
                  .apply(api);

          assertThat(response.status()).as(key).isEqualTo(Integer.parseInt(answer.getKey()));
          assertThat(response.error()).as(key).isEqualTo(example.path("error").asInt());
          assertThat(response.json().path("success").asBoolean()).as(key).isFalse();
          assertThat(response.message())
              .as(key)
              .startsWith(fixedPart(example.path("message").asString()));
          checked.add(key);
        }
      }
    }
    return checked;
  }

  void conform(String method, String path, Response response, List<String> problems) {
    String where = method + " " + path;
    if (response.status() != 200) {
      problems.add(where + " answered " + response.raw());
      return;
    }
    JsonNode schema =
        spec.path("paths")
            .path(path)
            .path(method.toLowerCase(Locale.ROOT))
            .at("/responses/200/content/application~1json/schema");
    check(schema, response.json(), where, problems);
  }

  /**
   * Type checks every value the schema describes; {@code null} is accepted as the vendor sends it.
   */
  private void check(JsonNode schema, JsonNode value, String where, List<String> problems) {
    String name = "";
    JsonNode resolved = schema;
    if (schema.has("$ref")) {
      name = schema.path("$ref").asString().substring("#/components/schemas/".length());
      resolved = spec.path("components").path("schemas").path(name);
    }
    if (value.isNull()) {
      return;
    }
    String type = resolved.path("type").asString("object");
    boolean fits =
        switch (type) {
          case "string" -> value.isString();
          // Visengine's prices are "integer" with format double: only those may have a fraction.
          case "integer" ->
              value.isIntegralNumber()
                  || (value.isNumber() && resolved.path("format").asString("").equals("double"));
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          case "array" -> value.isArray();
          default -> value.isObject() || (mayBeFalse.contains(name) && value.isBoolean());
        };
    if (!fits) {
      problems.add(where + ": expected " + type + " but was " + value);
      return;
    }
    if (value.isArray()) {
      for (JsonNode item : value) {
        check(resolved.path("items"), item, where + "[]", problems);
      }
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
        String key = property.getKey();
        if (placeholder.test(key)) {
          continue;
        }
        if (value.has(key)) {
          check(property.getValue(), value.get(key), where + "." + key, problems);
        } else if (completeSchemas.contains(name)) {
          problems.add(where + ": missing " + key);
        }
      }
    }
  }

  /** The part of a documented message that does not depend on the example (id, balance). */
  private static String fixedPart(String message) {
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(0, colon + 2);
  }
}
