package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checks the sandbox against the vendor's own published description ({@code
 * shared/reference/visengine.openapi.json}), when it is present: every documented error answers
 * with its status, code and message, and every success has the documented shape. Skipped when the
 * file is absent.
 */
class ConformanceTest {

  /** Schemas whose every documented property must be present in the sandbox's answers. */
  private static final Set<String> COMPLETE_SCHEMAS =
      Set.of("Visure", "Visura", "Richiesta", "Richieste", "Ricerca", "Esito", "Allegato");

  private static JsonNode spec = Json.object();
  private static final SandboxHttp API = SandboxHttp.start();

  @BeforeAll
  static void readSpec() throws IOException {
    Optional<Path> file = locateSpec();
    assumeTrue(file.isPresent(), "the vendor's OpenAPI description is not available here");
    spec = Json.read(Files.readString(file.orElseThrow()));
  }

  @AfterAll
  static void stop() {
    API.close();
  }

  /** The description lives in {@code shared/reference/} next to (some ancestor of) the checkout. */
  static Optional<Path> locateSpec() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/reference/visengine.openapi.json");
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Test
  void everyDocumentedErrorIsAnsweredAsDocumented() {
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
              ErrorScenarios.forKey(key)
                  .orElseThrow(() -> new AssertionError("no scenario for " + key))
                  .apply(API);

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
    assertThat(checked).hasSize(27);
  }

  @Test
  void successfulAnswersHaveTheDocumentedShape() {
    String company = API.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);
    String search = API.searchFor("alfa");
    Response added = API.post("/richiesta/" + search, "{\"json_visura\":{\"$0\":\"beta\"}}");
    Response chosen = ErrorScenarios.choose(API, search, 0);
    String draft =
        API.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS, "\"state\":0");
    Response closed = API.put("/richiesta/" + draft, "{\"json_visura.$0\":\"572372\",\"state\":1}");
    API.sandbox.advance(Duration.ofMinutes(5));

    List<String> problems = new ArrayList<>();
    conform("GET", "/visure", API.get("/visure"), problems);
    for (JsonNode product : API.get("/visure").data()) {
      conform(
          "GET",
          "/visure/{hash_visura}",
          API.get("/visure/" + product.path("hash_visura").asString()),
          problems);
    }
    conform("GET", "/richiesta", API.get("/richiesta"), problems);
    conform(
        "POST",
        "/richiesta",
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"json_visura\":%s}"
                .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS)),
        problems);
    conform("GET", "/richiesta/{_id}", API.get("/richiesta/" + company), problems);
    conform("POST", "/richiesta/{_id}", added, problems);
    conform("PUT", "/richiesta/{_id}", closed, problems);
    conform("PUT", "/richiesta/{_id}/ricerche", chosen, problems);
    conform("GET", "/documento/{_id}", API.get("/documento/" + company), problems);

    assertThat(problems).isEmpty();
  }

  private static void conform(
      String method, String path, Response response, List<String> problems) {
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
  private static void check(JsonNode schema, JsonNode value, String where, List<String> problems) {
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
          case "integer" -> value.isNumber(); // "integer" with format double for prices
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          case "array" -> value.isArray();
          // callback_data is the object or false when none was given, as in every vendor example
          default -> value.isObject() || (name.equals("CallbackData") && value.isBoolean());
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
        if (key.startsWith("$") || key.equals("field")) {
          continue; // the vendor's placeholders for "$0…$n" and for any label
        }
        if (value.has(key)) {
          check(property.getValue(), value.get(key), where + "." + key, problems);
        } else if (COMPLETE_SCHEMAS.contains(name)) {
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
