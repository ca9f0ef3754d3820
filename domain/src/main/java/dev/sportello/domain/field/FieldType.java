package dev.sportello.domain.field;

import io.vavr.control.Either;
import java.util.Locale;

/**
 * The kind of one form field, one per {@code tipo} on the wire. Each kind checks a value and
 * normalises it (trims, upper-cases codes, rewrites dates to the configured wire form), or says why
 * the value does not fit.
 */
public sealed interface FieldType {

  /** The {@code tipo} this kind is read from. */
  String wireName();

  /**
   * Checks and normalises a non-empty value.
   *
   * @param raw the value as entered; callers pass only values that are not blank
   * @return the normalised value, or why it does not fit
   */
  Either<Rejection, String> normalise(String raw, ValuePolicy policy);

  /**
   * Reads a {@code tipo}; spelling is compared trimmed and case-insensitively. Unknown kinds become
   * {@link Unknown}.
   */
  static FieldType fromWire(String tipo) {
    String name = tipo.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "testo" -> new Text();
      case "denominazione" -> new Denomination();
      case "codice_fiscale_persona_fisica" -> new PersonalTaxCode();
      case "codice_fiscale" -> new TaxCode();
      case "partita_iva" -> new VatNumber();
      case "cod_comune" -> new MunicipalityCode();
      case "cod_provincia" -> new ProvinceCode();
      case "data_iso8601" -> new Date();
      case "email" -> new Email();
      case "file" -> new File();
      default -> new Unknown(tipo.strip());
    };
  }

  /** {@code testo}: free text, trimmed, without control characters, at most 1000 characters. */
  record Text() implements FieldType {
    @Override
    public String wireName() {
      return "testo";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.freeText(raw);
    }
  }

  /**
   * {@code denominazione}: a name or identifier, used loosely upstream (company names, REA numbers,
   * CCIAA codes).
   */
  record Denomination() implements FieldType {
    @Override
    public String wireName() {
      return "denominazione";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.freeText(raw);
    }
  }

  /**
   * {@code codice_fiscale_persona_fisica}: a person's 16-character codice fiscale, upper-cased and
   * without blanks.
   */
  record PersonalTaxCode() implements FieldType {
    @Override
    public String wireName() {
      return "codice_fiscale_persona_fisica";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return CodiceFiscale.parse(raw).map(CodiceFiscale::value);
    }
  }

  /**
   * {@code codice_fiscale}: a person's codice fiscale or a company's 11-digit one (checked as a
   * partita IVA).
   */
  record TaxCode() implements FieldType {
    @Override
    public String wireName() {
      return "codice_fiscale";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.taxCode(raw);
    }
  }

  /**
   * {@code partita_iva}: an 11-digit VAT number, normalised without an {@code IT} prefix or blanks.
   * A person's codice fiscale is accepted too, as the official SDK does.
   */
  record VatNumber() implements FieldType {
    @Override
    public String wireName() {
      return "partita_iva";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.vatNumber(raw);
    }
  }

  /**
   * {@code cod_comune}: a cadastral (Belfiore) municipality code such as {@code H501}; Z… for
   * foreign states.
   */
  record MunicipalityCode() implements FieldType {
    @Override
    public String wireName() {
      return "cod_comune";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.municipalityCode(raw);
    }
  }

  /** {@code cod_provincia}: a two-letter province code from the official list. */
  record ProvinceCode() implements FieldType {
    @Override
    public String wireName() {
      return "cod_provincia";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.provinceCode(raw);
    }
  }

  /**
   * {@code data_iso8601}: a calendar date from 1800 to 2099, accepted as yyyy-mm-dd or dd-mm-yyyy
   * (also dd/mm/yyyy and dd.mm.yyyy) and written in the policy's wire form.
   */
  record Date() implements FieldType {
    @Override
    public String wireName() {
      return "data_iso8601";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.date(raw, policy.dateWireFormat());
    }
  }

  /** {@code email}: an email address; the domain is lower-cased. */
  record Email() implements FieldType {
    @Override
    public String wireName() {
      return "email";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.email(raw);
    }
  }

  /**
   * {@code file}: a file sent inline as {@code name|data:<mime>;base64,<payload>}, within the
   * policy's types and size; returned unchanged.
   */
  record File() implements FieldType {
    @Override
    public String wireName() {
      return "file";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.file(raw, policy);
    }
  }

  /**
   * A {@code tipo} this model does not know: checked as free text, and reported as a schema
   * warning.
   *
   * @param wireName the {@code tipo} as published
   */
  record Unknown(String wireName) implements FieldType {
    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.freeText(raw);
    }
  }
}
