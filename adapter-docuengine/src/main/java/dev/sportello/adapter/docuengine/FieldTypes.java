package dev.sportello.adapter.docuengine;

import dev.sportello.domain.field.FieldType;
import java.util.Locale;

/** DocuEngine's field types ({@code type}) and the kinds they read as. */
final class FieldTypes {
  private FieldTypes() {}

  /**
   * The kind a {@code type} reads as; spelling is compared trimmed and case-insensitively. A field
   * that offers values to choose from reads as text whatever its type's name (its values are codes
   * such as {@code A01}); any other type not listed here reads as {@link FieldType.Unknown},
   * checked as free text.
   */
  static FieldType of(String type, boolean offersChoices) {
    return switch (type.strip().toLowerCase(Locale.ROOT)) {
      case "string", "rea" -> new FieldType.Text();
      // A company's tax code or VAT number, or a person's tax code: the domain tells them apart.
      case "taxcode" -> new FieldType.TaxCode();
      // A chamber of commerce is named by its province's code.
      case "province", "cciaa" -> new FieldType.ProvinceCode();
      case "date" -> new FieldType.Date();
      case "file" -> new FieldType.File();
      default -> offersChoices ? new FieldType.Text() : new FieldType.Unknown();
    };
  }
}
