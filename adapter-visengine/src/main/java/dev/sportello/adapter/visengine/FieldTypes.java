package dev.sportello.adapter.visengine;

import dev.sportello.domain.field.FieldType;
import java.util.Locale;

/** Visengine's field types ({@code tipo}) and the kinds they read as. */
final class FieldTypes {
  private FieldTypes() {}

  /**
   * The kind a {@code tipo} reads as; spelling is compared trimmed and case-insensitively. A {@code
   * tipo} not listed here reads as {@link FieldType.Unknown}, checked as free text.
   */
  static FieldType of(String tipo) {
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
