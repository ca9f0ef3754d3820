package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The conformance check's own rules: an "integer" takes a fraction only as a "double". */
class SchemaCheckTest {

  private static final SchemaCheck CHECK =
      new SchemaCheck(
          Json.read(
              """
              {"paths": {"/x": {"get": {"responses": {"200": {"content": {"application/json": {
                "schema": {"type": "object", "properties": {
                  "count": {"type": "integer"},
                  "price": {"type": "integer", "format": "double"}}}}}}}}}}}
              """),
          Set.of(),
          key -> false,
          Set.of());

  private static List<String> problems(String body) {
    JsonNode json = Json.read(body);
    List<String> problems = new ArrayList<>();
    CHECK.conform("GET", "/x", new Response(200, json, body), problems);
    return problems;
  }

  @Test
  void anIntegerWithAFractionDoesNotConform() {
    assertThat(problems("{\"count\": 1.5, \"price\": 2}")).hasSize(1);
  }

  @Test
  void anIntegerOfFormatDoubleMayHaveAFraction() {
    assertThat(problems("{\"count\": 1, \"price\": 4.9}")).isEmpty();
  }
}
