package dev.sportello.bootstrap;

import static dev.sportello.bootstrap.JsonInput.MAPPER;
import static dev.sportello.bootstrap.JsonInput.decimal;
import static dev.sportello.bootstrap.JsonInput.flag;
import static dev.sportello.bootstrap.JsonInput.text;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.catalog.PublishedField;
import dev.sportello.domain.shared.Money;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads a certificate as {@code GET /visure/{hash}} publishes it, in its {@code {data: …}} envelope
 * or bare, with the defects of the published examples: trailing commas, a field key defined twice
 * (both fields are kept, in order, for the schema to repair), and drifting JSON types.
 */
final class PublishedCertificate {
  private PublishedCertificate() {}

  static Either<String, Certificate> read(String json) {
    return JsonInput.read(json, PublishedCertificate::certificate);
  }

  private static Certificate certificate(String json) {
    JsonNode root = MAPPER.readTree(json);
    boolean enveloped = root.path("data").isObject();
    JsonNode product = enveloped ? root.path("data") : root;
    JsonNode structure = product.path("json_struttura");
    if (!structure.isObject()) {
      throw new UnreadableInputException("json_struttura is missing: this is not a certificate");
    }
    CertificateId id =
        CertificateId.parse(text(product, "hash_visura", "").strip())
            .toEither()
            .getOrElseThrow(
                violation -> new UnreadableInputException("hash_visura: " + violation.message()));
    // The tree keeps only the last of two equal keys, so the fields are read from the stream.
    List<PublishedField> fields =
        fields(json, (enveloped ? "/data" : "") + "/json_struttura/campi");
    return new Certificate(
        id,
        text(product, "nome_visura", "").strip(),
        text(product, "nome_categoria", "").strip(),
        money(product, "prezzo_visura", ""),
        absent(product.path("prezzo_ricerca")) ? Money.ZERO : money(product, "prezzo_ricerca", ""),
        flag(product, "ricerca", ""),
        flag(product, "sincrona", ""),
        extras(product.path("opzioni")),
        FieldSchema.read(fields, text(structure, "validazione", "json_struttura.")),
        instructions(text(structure, "istruzioni", "json_struttura.")),
        text(structure, "istruzioni_ricerca", "json_struttura.").strip());
  }

  private static List<PublishedField> fields(String json, String pointer) {
    try (JsonParser parser = MAPPER.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.PROPERTY_NAME
            && parser.streamReadContext().pathAsPointer().toString().equals(pointer)) {
          return campi(parser);
        }
      }
    }
    return List.empty();
  }

  private static List<PublishedField> campi(JsonParser parser) {
    JsonToken start = parser.nextToken();
    if (start == JsonToken.VALUE_NULL) {
      return List.empty();
    }
    if (start != JsonToken.START_OBJECT) {
      throw new UnreadableInputException("json_struttura.campi should be an object");
    }
    List<PublishedField> fields = List.empty();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      JsonNode campo = parser.readValueAsTree();
      fields = fields.append(field(key, campo));
    }
    return fields;
  }

  private static PublishedField field(String key, JsonNode campo) {
    String path = "campi." + key + ".";
    if (!campo.isObject()) {
      throw new UnreadableInputException("campi." + key + " should be an object");
    }
    String order = text(campo, "ordine", path);
    return new PublishedField(
        key,
        text(campo, "nome", path),
        text(campo, "tipo", path),
        flag(campo, "null", path),
        order.isBlank() ? Option.none() : Option.some(order),
        text(campo, "istruzioni", path));
  }

  private static List<Extra> extras(JsonNode opzioni) {
    if (absent(opzioni)) {
      return List.empty();
    }
    if (!opzioni.isArray()) {
      throw new UnreadableInputException("opzioni should be a list");
    }
    return List.ofAll(opzioni.values())
        .zipWithIndex()
        .map(option -> {
          String path = "opzioni[" + option._2 + "].";
          String key = text(option._1, "nome", path).strip();
          return new Extra(
              key.isEmpty() ? "opzione_" + option._2 : key,
              text(option._1, "tipo", path).strip(),
              money(option._1, "prezzo", path));
        });
  }

  private static boolean absent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  private static Money money(JsonNode parent, String name, String path) {
    return Money.ofEuros(decimal(parent, name, path))
        .toEither()
        .getOrElseThrow(reason -> new UnreadableInputException(path + name + ": " + reason));
  }

  /**
   * Instructions are published as base64-encoded HTML, as plain text, or empty. Plain text can
   * happen to be valid base64, so the decoded form is kept only when it is text.
   */
  static String instructions(String published) {
    String compact = published.strip();
    try {
      byte[] bytes = Base64.getDecoder().decode(compact);
      String decoded =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return decoded.chars().allMatch(c -> c >= ' ' || Character.isWhitespace(c))
          ? decoded.strip()
          : compact;
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return compact;
    }
  }
}
