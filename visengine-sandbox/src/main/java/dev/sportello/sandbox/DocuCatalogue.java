package dev.sportello.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents the sandbox's DocuEngine sells, from one resource holding {@code GET /documents}'s
 * {@code data} as served: the documents of the vendor's published example (ids, names, fields,
 * rules and prices as published, help texts the sandbox's own) and the civil-registry certificates
 * of the product pages, whose ids and fields are the sandbox's design (see the README).
 */
final class DocuCatalogue {

  private final Map<String, DocuDocument> documents;

  private DocuCatalogue(Map<String, DocuDocument> documents) {
    this.documents = documents;
  }

  static DocuCatalogue load() {
    Map<String, DocuDocument> documents = new LinkedHashMap<>();
    for (JsonNode entry : readResource()) {
      DocuDocument document = read((ObjectNode) entry);
      documents.put(document.id(), document);
    }
    return new DocuCatalogue(documents);
  }

  List<DocuDocument> documents() {
    return List.copyOf(documents.values());
  }

  Optional<DocuDocument> find(String id) {
    return Optional.ofNullable(documents.get(id));
  }

  private static DocuDocument read(ObjectNode entry) {
    JsonNode structure = entry.path("requestStructure");
    List<DocuDocument.Field> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : structure.path("fields").properties()) {
      JsonNode definition = field.getValue();
      List<DocuDocument.Choice> choices = new ArrayList<>();
      definition
          .path("options")
          .forEach(option ->
              choices.add(
                  new DocuDocument.Choice(
                      option.path("code").asString(), option.path("description").asString())));
      fields.add(
          new DocuDocument.Field(
              field.getKey(),
              definition.path("name").asString(),
              definition.path("type").asString(),
              definition.path("required").asBoolean(),
              choices));
    }
    List<DocuDocument.Option> options = new ArrayList<>();
    entry
        .path("options")
        .forEach(option ->
            options.add(
                new DocuDocument.Option(
                    option.path("name").asString(), option.path("price").decimalValue())));
    return new DocuDocument(
        entry.path("id").asString(),
        entry.path("name").asString(),
        entry.path("hasSearch").asBoolean(),
        price(entry, "documentPrice"),
        price(entry, "searchPrice"),
        options,
        fields,
        Rule.parse(structure.path("validation").asString()),
        entry);
  }

  private static BigDecimal price(JsonNode entry, String field) {
    JsonNode node = entry.path(field);
    return node.isNumber() ? node.decimalValue() : BigDecimal.ZERO;
  }

  private static JsonNode readResource() {
    String name = "docuengine/documents.json";
    try (InputStream in =
        Objects.requireNonNull(
            DocuCatalogue.class.getResourceAsStream(name), () -> "missing resource " + name)) {
      return Json.MAPPER.readTree(in);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
