package dev.sportello.domain.field;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * The kind of one form field. Each kind checks a value and normalises it (trims, upper-cases codes,
 * writes dates as yyyy-mm-dd), or says why the value does not fit. Engines publish their own type
 * names; each engine's adapter reads them into these kinds.
 */
public sealed interface FieldType {

  /**
   * This kind's stable English name, such as {@code personal_tax_code}.
   *
   * @return the kind
   */
  String kind();

  /**
   * Checks and normalises a non-empty value.
   *
   * @param raw the value as entered; callers pass only values that are not blank
   * @return the normalised value, or why it does not fit
   * @param policy the limits and the wire forms that apply
   */
  Either<Rejection, String> normalise(String raw, ValuePolicy policy);

  /**
   * The kind with the given {@link #kind()} name; empty for any other name.
   *
   * @param kind the kind's name
   * @return the type, or none for an unknown kind
   */
  static Option<FieldType> ofKind(String kind) {
    return switch (kind) {
      case "text" -> Option.some(new Text());
      case "denomination" -> Option.some(new Denomination());
      case "personal_tax_code" -> Option.some(new PersonalTaxCode());
      case "tax_code" -> Option.some(new TaxCode());
      case "vat_number" -> Option.some(new VatNumber());
      case "municipality_code" -> Option.some(new MunicipalityCode());
      case "province_code" -> Option.some(new ProvinceCode());
      case "date" -> Option.some(new Date());
      case "email" -> Option.some(new Email());
      case "file" -> Option.some(new File());
      case "unknown" -> Option.some(new Unknown());
      default -> Option.none();
    };
  }

  /** Free text, trimmed, without control characters, at most 1000 characters. */
  record Text() implements FieldType {
    @Override
    public String kind() {
      return "text";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.freeText(raw);
    }
  }

  /**
   * A name or identifier, used loosely by the engines (company names, REA numbers, CCIAA codes).
   */
  record Denomination() implements FieldType {
    @Override
    public String kind() {
      return "denomination";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.freeText(raw);
    }
  }

  /** A kind whose values may be a person's codice fiscale. */
  sealed interface HoldsTaxCode extends FieldType permits PersonalTaxCode, TaxCode {
    /**
     * Checks and normalises a non-empty value as {@link #normalise} does, and also reads a person's
     * codice fiscale into its parts, so that nothing needs to parse it again.
     *
     * @param raw the value as given
     * @return what the code says, or why it is not one
     */
    Either<Rejection, TaxCodeReading> read(String raw);
  }

  /** A person's tax code: the 16-character codice fiscale, upper-cased and without blanks. */
  record PersonalTaxCode() implements HoldsTaxCode {
    @Override
    public String kind() {
      return "personal_tax_code";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return CodiceFiscale.parse(raw).map(CodiceFiscale::value);
    }

    @Override
    public Either<Rejection, TaxCodeReading> read(String raw) {
      return CodiceFiscale.parse(raw).map(TaxCodeReading::person);
    }
  }

  /**
   * A tax code: a person's codice fiscale or a company's 11-digit one (checked as a partita IVA).
   */
  record TaxCode() implements HoldsTaxCode {
    @Override
    public String kind() {
      return "tax_code";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return read(raw).map(TaxCodeReading::normalised);
    }

    @Override
    public Either<Rejection, TaxCodeReading> read(String raw) {
      return FieldValues.taxCode(raw);
    }
  }

  /**
   * A VAT number (partita IVA): 11 digits, normalised without an {@code IT} prefix or blanks. A
   * person's codice fiscale is accepted too, as Openapi's official SDK does.
   */
  record VatNumber() implements FieldType {
    @Override
    public String kind() {
      return "vat_number";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.vatNumber(raw);
    }
  }

  /**
   * A municipality code: the cadastral (Belfiore) code such as {@code H501}; Z… for foreign states.
   */
  record MunicipalityCode() implements FieldType {
    @Override
    public String kind() {
      return "municipality_code";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.municipalityCode(raw);
    }
  }

  /** A province code: two letters from the official list. */
  record ProvinceCode() implements FieldType {
    @Override
    public String kind() {
      return "province_code";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.provinceCode(raw);
    }
  }

  /**
   * A calendar date from 1800 to 2099, accepted as yyyy-mm-dd or dd-mm-yyyy (also dd/mm/yyyy and
   * dd.mm.yyyy) and written as yyyy-mm-dd. An engine that wants another form writes it so itself.
   */
  record Date() implements FieldType {
    @Override
    public String kind() {
      return "date";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.date(raw);
    }

    /**
     * Reads a date as {@link LocalDate#parse} does; empty for anything else. The yyyy-mm-dd this
     * kind writes is read char by char, and only other text (free text in a birth-date field,
     * signed years such as +12345-01-01) goes to {@link LocalDate#parse}.
     *
     * @param text the date as written
     * @return the date, or none when the text is not one
     */
    public static Option<LocalDate> read(String text) {
      if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
        int year = FieldValues.digits(text, 0, 4);
        int month = FieldValues.digits(text, 5, 7);
        int day = FieldValues.digits(text, 8, 10);
        if (year >= 0 && month >= 1 && month <= 12 && day >= 1) {
          return day <= Month.of(month).length(Year.isLeap(year))
              ? Option.some(LocalDate.of(year, month, day))
              : Option.none();
        }
      }
      return Try.of(() -> LocalDate.parse(text)).toOption();
    }
  }

  /** An email address; the domain is lower-cased. */
  record Email() implements FieldType {
    @Override
    public String kind() {
      return "email";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.email(raw);
    }
  }

  /**
   * A file sent inline as {@code name|data:<mime>;base64,<payload>}, within the policy's types and
   * size; returned unchanged.
   */
  record File() implements FieldType {
    @Override
    public String kind() {
      return "file";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.file(raw, policy);
    }
  }

  /**
   * A type the engine published that this model does not know: checked as free text, and reported
   * as a schema warning. The engine's name for it stays on the field.
   */
  record Unknown() implements FieldType {
    @Override
    public String kind() {
      return "unknown";
    }

    @Override
    public Either<Rejection, String> normalise(String raw, ValuePolicy policy) {
      return FieldValues.freeText(raw);
    }
  }
}
