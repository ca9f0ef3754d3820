package dev.sportello.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The products the sandbox sells. Each one is a resource file holding the {@code data} object of
 * {@code GET /visure/{hash}} exactly as served; the hashes and names are the vendor's (research
 * §9), the family-status certificate and the A2 application are the published product pages.
 */
final class Catalogue {

  /** Catalogue order, and the titles of the PDFs each product delivers. */
  private static final Map<String, List<String>> DOCUMENTS = documents();

  private final Map<String, Product> products;

  private Catalogue(Map<String, Product> products) {
    this.products = products;
  }

  static Catalogue load() {
    Map<String, Product> products = new LinkedHashMap<>();
    DOCUMENTS.forEach((hash, titles) -> products.put(hash, read(hash, titles)));
    return new Catalogue(products);
  }

  List<Product> products() {
    return List.copyOf(products.values());
  }

  Optional<Product> find(String hash) {
    return Optional.ofNullable(products.get(hash));
  }

  private static Map<String, List<String>> documents() {
    Map<String, List<String>> documents = new LinkedHashMap<>();
    documents.put("eccbc87e4b5ce2fe28308fd9f2a7baf3", List.of("Visura camerale ordinaria"));
    documents.put("a87ff679a2f3e71d9181a67b7542122c", List.of("Visura camerale ordinaria"));
    documents.put("afa0b4cu7yd06226i5d89p00077c3j6t", List.of("Visura camerale ordinaria"));
    documents.put("f3a0979f15915b337aafabcd89c5ee70", List.of("Cariche attive della persona"));
    documents.put("b39746d875eb7231c7f8a6e047d9924c", List.of("Eventi negativi della persona"));
    documents.put("3cbbb9c833f1c94af35494820cda3370", List.of("Documento unico di regolarità"));
    documents.put("4ff728695eab3ab9eaa6f58b22cd5734", List.of("Planimetria catastale"));
    documents.put("155e32c7eafa9bf45fd65f8647a9a623", List.of("Relazione immobiliare"));
    documents.put("69663cda34a03ef7efc253262baea547", List.of("Certificato di residenza"));
    documents.put("4c84e22bbabd5f25b0102bb3bfe82790", List.of("Certificato di stato di famiglia"));
    documents.put(
        "2631ec9b62135de4186f509fea7d954b",
        List.of("Domanda di esame A2", "Ricevuta di presentazione della domanda"));
    documents.put("89031e957e9cebc4f6e64948f2353727", List.of("Visura proprietari PRA"));
    return documents;
  }

  private static Product read(String hash, List<String> documentTitles) {
    String text = resource("catalogue/" + hash + ".json");
    JsonNode data = Json.read(text);
    JsonNode structure = data.path("json_struttura");
    List<Product.Extra> extras = new ArrayList<>();
    for (JsonNode option : data.path("opzioni")) {
      extras.add(
          new Product.Extra(
              option.path("nome").asString(),
              option.path("tipo").asString(),
              option.path("prezzo").decimalValue()));
    }
    return new Product(
        hash,
        data.path("nome_visura").asString().strip(),
        data.path("nome_categoria").asString(),
        Json.flag(data, "ricerca"),
        price(data, "prezzo_visura"),
        price(data, "prezzo_ricerca"),
        Json.flag(data, "sincrona"),
        extras,
        fieldsKeepingDuplicates(text),
        Rule.parse(structure.path("validazione").asString()),
        text.strip(),
        documentTitles);
  }

  private static BigDecimal price(JsonNode data, String field) {
    JsonNode node = data.path(field);
    return node.isNumber() ? node.decimalValue() : BigDecimal.ZERO;
  }

  /**
   * Reads {@code json_struttura.campi} with a streaming parser, because a tree would keep only the
   * last of two definitions of the same key.
   */
  static List<Product.Field> fieldsKeepingDuplicates(String productJson) {
    List<Product.Field> fields = new ArrayList<>();
    try (JsonParser parser = Json.MAPPER.createParser(productJson)) {
      if (descendInto(parser, "json_struttura") && descendInto(parser, "campi")) {
        String key;
        while ((key = parser.nextName()) != null) {
          parser.nextToken();
          JsonNode definition = parser.readValueAsTree();
          fields.add(
              new Product.Field(
                  key, definition.path("nome").asString(), definition.path("tipo").asString()));
        }
      }
    }
    return fields;
  }

  /** Moves the parser into the object value of {@code name} within the current object. */
  private static boolean descendInto(JsonParser parser, String name) {
    if (parser.currentToken() == null) {
      parser.nextToken();
    }
    String current;
    while ((current = parser.nextName()) != null) {
      JsonToken value = parser.nextToken();
      if (current.equals(name) && value == JsonToken.START_OBJECT) {
        return true;
      }
      parser.skipChildren();
    }
    return false;
  }

  private static String resource(String name) {
    try (InputStream in =
        Objects.requireNonNull(
            Catalogue.class.getResourceAsStream(name), () -> "missing resource " + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
