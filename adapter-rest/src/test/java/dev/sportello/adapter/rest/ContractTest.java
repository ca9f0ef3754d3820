package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The OpenAPI document and the routes describe the same API. */
class ContractTest {

  @Test
  void everyRouteIsInTheDocumentAndEveryOperationIsARoute() {
    try (var api = new Harness()) {
      var routes = api.adapter.routes().map(route -> route.method() + " " + route.path());

      assertThat(OpenApiContract.INSTANCE.operations()).containsExactlyInAnyOrderElementsOf(routes);
    }
  }

  @Test
  void theDocumentIsOpenApi31() {
    var document = OpenApiContract.INSTANCE.document();

    assertThat(document.get("openapi").asString()).startsWith("3.1.");
    assertThat(
            document
                .get("components")
                .get("securitySchemes")
                .get("apiKey")
                .get("scheme")
                .asString())
        .isEqualTo("bearer");
  }

  @Test
  void everyReferenceResolves() {
    var document = OpenApiContract.INSTANCE.document();
    var references = new java.util.ArrayList<String>();
    collect(document, references);

    assertThat(references).isNotEmpty();
    for (String reference : references) {
      assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
    }
  }

  private static void collect(
      tools.jackson.databind.JsonNode node, java.util.List<String> references) {
    if (node.isObject()) {
      for (var field : node.properties()) {
        if (field.getKey().equals("$ref")) {
          references.add(field.getValue().asString());
        } else {
          collect(field.getValue(), references);
        }
      }
    } else if (node.isArray()) {
      for (var item : node) {
        collect(item, references);
      }
    }
  }
}
