package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checks the sandbox against the vendor's own published description (kept unchanged as the test
 * resource {@code oas/visengine.openapi.json}): every documented error answers with its status,
 * code and message, and every success has the documented shape.
 */
class ConformanceTest {

  private static final SandboxHttp API = SandboxHttp.start();
  private static final SchemaCheck CHECK =
      new SchemaCheck(
          SchemaCheck.published("visengine.openapi.json"),
          // Schemas whose every documented property must be present in the sandbox's answers.
          Set.of("Visure", "Visura", "Richiesta", "Richieste", "Ricerca", "Esito", "Allegato"),
          // the vendor's placeholders for "$0…$n" and for any label
          key -> key.startsWith("$") || key.equals("field"),
          // callback_data is the object or false when none was given, as in every vendor example
          Set.of("CallbackData"));

  @AfterAll
  static void stop() {
    API.close();
  }

  @Test
  void everyDocumentedErrorIsAnsweredAsDocumented() {
    assertThat(CHECK.checkEveryError(ErrorScenarios::forKey, API)).hasSize(27);
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
    CHECK.conform("GET", "/visure", API.get("/visure"), problems);
    for (JsonNode product : API.get("/visure").data()) {
      CHECK.conform(
          "GET",
          "/visure/{hash_visura}",
          API.get("/visure/" + product.path("hash_visura").asString()),
          problems);
    }
    CHECK.conform("GET", "/richiesta", API.get("/richiesta"), problems);
    CHECK.conform(
        "POST",
        "/richiesta",
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"json_visura\":%s}"
                .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS)),
        problems);
    CHECK.conform("GET", "/richiesta/{_id}", API.get("/richiesta/" + company), problems);
    CHECK.conform("POST", "/richiesta/{_id}", added, problems);
    CHECK.conform("PUT", "/richiesta/{_id}", closed, problems);
    CHECK.conform("PUT", "/richiesta/{_id}/ricerche", chosen, problems);
    CHECK.conform("GET", "/documento/{_id}", API.get("/documento/" + company), problems);

    assertThat(problems).isEmpty();
  }
}
