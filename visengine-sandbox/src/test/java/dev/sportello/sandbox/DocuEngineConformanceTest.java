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
 * Checks the sandbox's DocuEngine against the vendor's published description ({@code
 * shared/reference/docuengine.openapi.json}), when it is present: every documented error answers
 * with its status, code and message, every success has the documented shape, and the documents of
 * the vendor's catalogue example are sold with their ids, fields, rules and prices. Skipped when
 * the file is absent.
 */
class DocuEngineConformanceTest {

  private static final SandboxHttp API = SandboxHttp.start();
  private static JsonNode spec = Json.object();
  private static SchemaCheck check = new SchemaCheck(spec, Set.of(), key -> false, Set.of());

  @BeforeAll
  static void readSpec() {
    Optional<JsonNode> found = SchemaCheck.locate("docuengine.openapi.json");
    assumeTrue(found.isPresent(), "the vendor's OpenAPI description is not available here");
    spec = found.orElseThrow();
    check =
        new SchemaCheck(
            spec,
            Set.of("Document", "RequestStructure", "Field", "Requests", "Download", "Result"),
            // the vendor's placeholders for "field1…fieldN", a header's name and single-field edits
            key -> key.equals("fieldN") || key.equals("key") || key.startsWith("search."),
            Set.of());
  }

  @AfterAll
  static void stop() {
    API.close();
  }

  @Test
  void everyDocumentedErrorIsAnsweredAsDocumented() {
    assertThat(check.checkEveryError(DocuEngineErrorScenarios::forKey, API)).hasSize(18);
  }

  @Test
  void successfulAnswersHaveTheDocumentedShape() {
    String statuto = API.request(DocuEngineErrorScenarios.closedStatuto());
    String search = API.draft(SandboxHttp.BILANCIO_OTTICO);
    Response closed = API.patch("/requests/" + search, "{\"state\":\"SEARCH\"}");
    API.sandbox.advance(Duration.ofMinutes(1));
    String resultId = API.get("/requests/" + search).data().at("/results/0/id").asString();
    Response chosen = API.patch("/requests/" + search, "{\"resultId\":\"" + resultId + "\"}");
    API.sandbox.advance(Duration.ofMinutes(1));

    List<String> problems = new ArrayList<>();
    check.conform("GET", "/documents", API.get("/documents"), problems);
    check.conform("GET", "/requests", API.get("/requests"), problems);
    check.conform(
        "POST",
        "/requests",
        API.post("/requests", DocuEngineErrorScenarios.closedStatuto()),
        problems);
    check.conform("GET", "/requests/{id}", API.get("/requests/" + statuto), problems);
    check.conform("GET", "/requests/{id}", API.get("/requests/" + search), problems);
    check.conform("PATCH", "/requests/{id}", closed, problems);
    check.conform("PATCH", "/requests/{id}", chosen, problems);
    check.conform(
        "GET",
        "/requests/{id}/documents",
        API.get("/requests/" + statuto + "/documents"),
        problems);

    assertThat(problems).isEmpty();
  }

  @Test
  void aRequestHasEveryPropertyOfTheVendorsExampleInItsOrder() {
    JsonNode example =
        spec.at("/paths/~1requests~1{id}/get/responses/200/content/application~1json/example/data");
    JsonNode served =
        API.get("/requests/" + API.request(DocuEngineErrorScenarios.closedStatuto())).data();

    assertThat(served.propertyNames()).containsExactlyElementsOf(example.propertyNames());
  }

  @Test
  void sellsTheDocumentsOfTheVendorsCatalogueExampleAsPublished() {
    JsonNode example =
        spec.at("/paths/~1documents/get/responses/200/content/application~1json/example/data");
    List<JsonNode> served = new ArrayList<>();
    API.get("/documents").data().forEach(served::add);

    for (JsonNode published : example) {
      JsonNode document =
          served.stream()
              .filter(entry -> entry.path("id").equals(published.path("id")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("missing " + published.path("name")));
      assertThat(document.propertyNames()).containsExactlyElementsOf(published.propertyNames());
      for (String property :
          List.of(
              "name",
              "category",
              "options",
              "hasSearch",
              "isSync",
              "searchPrice",
              "documentPrice",
              "totalPrice")) {
        assertThat(document.path(property)).as(property).isEqualTo(published.path(property));
      }
      JsonNode structure = document.path("requestStructure");
      JsonNode publishedStructure = published.path("requestStructure");
      assertThat(structure.path("validation")).isEqualTo(publishedStructure.path("validation"));
      assertThat(structure.path("fields").propertyNames())
          .containsExactlyElementsOf(publishedStructure.path("fields").propertyNames());
      for (String key : publishedStructure.path("fields").propertyNames()) {
        JsonNode field = structure.path("fields").path(key);
        JsonNode publishedField = publishedStructure.path("fields").path(key);
        assertThat(field.propertyNames()).containsExactlyElementsOf(publishedField.propertyNames());
        for (String property : List.of("name", "nameIT", "type", "required", "options")) {
          assertThat(field.path(property))
              .as(key + "." + property)
              .isEqualTo(publishedField.path(property));
        }
      }
    }
  }
}
