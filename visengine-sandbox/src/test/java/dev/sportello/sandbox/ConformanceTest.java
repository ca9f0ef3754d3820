package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  private static final SandboxHttp API = SandboxHttp.start();
  private static SchemaCheck check = noSpec();

  @BeforeAll
  static void readSpec() {
    Optional<JsonNode> spec = SchemaCheck.locate("visengine.openapi.json");
    assumeTrue(spec.isPresent(), "the vendor's OpenAPI description is not available here");
    check =
        new SchemaCheck(
            spec.orElseThrow(),
            // Schemas whose every documented property must be present in the sandbox's answers.
            Set.of("Visure", "Visura", "Richiesta", "Richieste", "Ricerca", "Esito", "Allegato"),
            // the vendor's placeholders for "$0…$n" and for any label
            key -> key.startsWith("$") || key.equals("field"),
            // callback_data is the object or false when none was given, as in every vendor example
            Set.of("CallbackData"));
  }

  private static SchemaCheck noSpec() {
    return new SchemaCheck(Json.object(), Set.of(), key -> false, Set.of());
  }

  @AfterAll
  static void stop() {
    API.close();
  }

  @Test
  void everyDocumentedErrorIsAnsweredAsDocumented() {
    assertThat(check.checkEveryError(ErrorScenarios::forKey, API)).hasSize(27);
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
    check.conform("GET", "/visure", API.get("/visure"), problems);
    for (JsonNode product : API.get("/visure").data()) {
      check.conform(
          "GET",
          "/visure/{hash_visura}",
          API.get("/visure/" + product.path("hash_visura").asString()),
          problems);
    }
    check.conform("GET", "/richiesta", API.get("/richiesta"), problems);
    check.conform(
        "POST",
        "/richiesta",
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"json_visura\":%s}"
                .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS)),
        problems);
    check.conform("GET", "/richiesta/{_id}", API.get("/richiesta/" + company), problems);
    check.conform("POST", "/richiesta/{_id}", added, problems);
    check.conform("PUT", "/richiesta/{_id}", closed, problems);
    check.conform("PUT", "/richiesta/{_id}/ricerche", chosen, problems);
    check.conform("GET", "/documento/{_id}", API.get("/documento/" + company), problems);

    assertThat(problems).isEmpty();
  }
}
