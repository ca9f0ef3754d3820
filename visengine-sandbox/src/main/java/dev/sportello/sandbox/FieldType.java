package dev.sportello.sandbox;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code tipo} of a field and the check the server applies to a non-empty value of it. A {@code
 * tipo} the sandbox does not know is free text, as the vendor's own SDK treats it.
 */
enum FieldType {
  TEXT,
  PERSONAL_TAX_CODE,
  TAX_CODE,
  VAT_NUMBER,
  MUNICIPALITY_CODE,
  PROVINCE_CODE,
  DATE,
  EMAIL,
  FILE;

  private static final Pattern MUNICIPALITY = Pattern.compile("[A-Za-z][0-9]{3}");
  private static final Pattern PROVINCE = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** {@code name|data:<mime>;base64,<payload>}, the vendor's inline file encoding. */
  private static final Pattern INLINE_FILE =
      Pattern.compile("(?s)([^|]+)\\|data:([\\w.+-]+/[\\w.+-]+);base64,(.*)");

  /** Both spellings of {@code data_iso8601} seen in the wild: ISO and the SDK's dd-mm-yyyy. */
  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT));

  static FieldType of(String tipo) {
    return switch (tipo.strip().toLowerCase(Locale.ROOT)) {
      case "codice_fiscale_persona_fisica" -> PERSONAL_TAX_CODE;
      case "codice_fiscale" -> TAX_CODE;
      case "partita_iva" -> VAT_NUMBER;
      case "cod_comune" -> MUNICIPALITY_CODE;
      case "cod_provincia" -> PROVINCE_CODE;
      case "data_iso8601" -> DATE;
      case "email" -> EMAIL;
      case "file" -> FILE;
      default -> TEXT;
    };
  }

  /** Why a non-empty value is not acceptable for this type, if it is not. */
  Optional<String> problem(String value) {
    String trimmed = value.strip();
    boolean valid =
        switch (this) {
          case TEXT -> true;
          case PERSONAL_TAX_CODE -> TaxCodes.isPersonalTaxCode(trimmed);
          case TAX_CODE, VAT_NUMBER ->
              TaxCodes.isPersonalTaxCode(trimmed) || TaxCodes.isVatNumber(trimmed);
          case MUNICIPALITY_CODE -> MUNICIPALITY.matcher(trimmed).matches();
          case PROVINCE_CODE -> PROVINCE.matcher(trimmed).matches();
          case DATE -> isDate(trimmed);
          case EMAIL -> isEmail(trimmed);
          case FILE -> isInlineFile(value);
        };
    return valid ? Optional.empty() : Optional.of(expectation());
  }

  private String expectation() {
    return switch (this) {
      case TEXT -> "text";
      case PERSONAL_TAX_CODE -> "a personal codice fiscale (16 characters, valid check character)";
      case TAX_CODE, VAT_NUMBER -> "a codice fiscale or an 11-digit partita IVA";
      case MUNICIPALITY_CODE -> "a municipality code such as H501";
      case PROVINCE_CODE -> "a two-letter province code such as RM";
      case DATE -> "a date as yyyy-mm-dd or dd-mm-yyyy";
      case EMAIL -> "an email address";
      case FILE -> "a file as name|data:<mime>;base64,<content>";
    };
  }

  static boolean isEmail(String value) {
    return EMAIL_ADDRESS.matcher(value).matches();
  }

  private static boolean isDate(String value) {
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        LocalDate.parse(value, format);
        return true;
      } catch (DateTimeException notThisFormat) {
        // try the next spelling
      }
    }
    return false;
  }

  private static boolean isInlineFile(String value) {
    var matcher = INLINE_FILE.matcher(value);
    if (!matcher.matches()) {
      return false;
    }
    String payload = matcher.group(3).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(payload).length > 0;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
