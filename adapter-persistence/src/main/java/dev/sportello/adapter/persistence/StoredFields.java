package dev.sportello.adapter.persistence;

import dev.sportello.adapter.persistence.Json.FieldJson;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.field.FieldType;
import io.vavr.collection.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form's fields to and from their stored JSON. Fields are stored by kind, with the type name
 * their engine published.
 *
 * <p>Rows written by earlier versions stored each field as Visengine published it: its {@code
 * tipo}, and its {@code ordine} as {@code order}. They are read as Visengine's adapter reads a
 * form, so that a data directory kept across the upgrade serves its cached forms unchanged: the
 * {@code tipo} names below are frozen with those rows, and new rows never use them.
 */
final class StoredFields {
  private static final Pattern ORDER = Pattern.compile("[0-9]{1,6}");
  private static final Pattern NUMBERED_KEY = Pattern.compile("\\$(0|[1-9][0-9]{0,5})");

  private StoredFields() {}

  static FieldJson json(FieldDeclaration field) {
    return new FieldJson(
        field.key(),
        field.label(),
        field.type().kind(),
        field.publishedType(),
        field.mayBeEmpty(),
        field.displayOrder(),
        field.instructions(),
        null,
        null);
  }

  static List<FieldDeclaration> declarations(java.util.List<FieldJson> stored) {
    return List.ofAll(stored)
        .zipWithIndex()
        .map(field -> field._1.kind() == null ? legacy(field._1, field._2) : current(field._1));
  }

  private static FieldDeclaration current(FieldJson field) {
    String kind = String.valueOf(field.kind());
    return new FieldDeclaration(
        field.key(),
        field.label(),
        FieldType.ofKind(kind)
            .getOrElseThrow(() -> new IllegalStateException("a stored field has no kind " + kind)),
        field.publishedType() == null ? "" : field.publishedType(),
        field.mayBeEmpty(),
        field.displayOrder() == null ? 0 : field.displayOrder(),
        field.instructions());
  }

  private static FieldDeclaration legacy(FieldJson field, int position) {
    String tipo = field.tipo() == null ? "" : field.tipo();
    String order = field.order() == null ? "" : field.order().strip();
    Matcher numbered = NUMBERED_KEY.matcher(field.key().strip());
    int displayOrder =
        ORDER.matcher(order).matches()
            ? Integer.parseInt(order)
            : numbered.matches() ? Integer.parseInt(numbered.group(1)) : position;
    return new FieldDeclaration(
        field.key(),
        field.label(),
        legacyKind(tipo),
        tipo.strip(),
        field.mayBeEmpty(),
        displayOrder,
        field.instructions());
  }

  private static FieldType legacyKind(String tipo) {
    return switch (tipo.strip().toLowerCase(Locale.ROOT)) {
      case "testo" -> new FieldType.Text();
      case "denominazione" -> new FieldType.Denomination();
      case "codice_fiscale_persona_fisica" -> new FieldType.PersonalTaxCode();
      case "codice_fiscale" -> new FieldType.TaxCode();
      case "partita_iva" -> new FieldType.VatNumber();
      case "cod_comune" -> new FieldType.MunicipalityCode();
      case "cod_provincia" -> new FieldType.ProvinceCode();
      case "data_iso8601" -> new FieldType.Date();
      case "email" -> new FieldType.Email();
      case "file" -> new FieldType.File();
      default -> new FieldType.Unknown();
    };
  }
}
