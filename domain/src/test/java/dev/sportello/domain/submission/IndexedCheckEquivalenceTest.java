package dev.sportello.domain.submission;

import static dev.sportello.domain.fixtures.Forms.certificate;
import static dev.sportello.domain.fixtures.Forms.field;
import static dev.sportello.domain.fixtures.Forms.optionalField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.fixtures.TaxCodes;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import java.util.Comparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The check, with each form worked out once when it is read, gives exactly the result the check
 * gave before: the same violations in the same order with the same messages, or the same normalised
 * submission and quote.
 */
class IndexedCheckEquivalenceTest {
  private static final ValuePolicy POLICY = ValuePolicy.defaults();

  private static final List<Certificate> FORMS =
      List.of(
          SeedCertificates.familyStatus(),
          SeedCertificates.a2(),
          certificate(
              "",
              optionalField("$0", "Cognome", "text"),
              optionalField("$1", "Nome", "text"),
              optionalField("$2", "Data di nascita", "date"),
              optionalField("$3", "Sesso", "text"),
              optionalField("$4", "Codice Fiscale", "personal_tax_code")),
          // A birth date typed as free text reaches the cross-field check as written.
          certificate(
              "",
              optionalField("$0", "Nome", "text"),
              optionalField("$1", "Cognome", "text"),
              optionalField("$2", "Data di nascita", "text"),
              optionalField("$7", "Codice fiscale", "personal_tax_code")),
          certificate(
              "$0 && ($1 || $2) && $12",
              field("$0", "Cognome:", "text"),
              field("$1", "Codice fiscale", "tax_code"),
              field("$2", "Partita IVA", "vat_number"),
              optionalField("$10", "Data Nascita", "date"),
              optionalField("$11", "Cognome", "text")),
          manyFields(),
          certificate(
              "field0 && field2 || field1",
              field("field0", "Surname", "text"),
              field("field1", "Given name", "text"),
              field("field2", "Tax code", "personal_tax_code"),
              field("field10", "Sex", "text")));

  /**
   * 72 fields whose keys share numbers in three spellings ({@code $7}, {@code $07}, {@code
   * field7}), each kind of field and a person's fields among them, and a rule over all three.
   */
  private static Certificate manyFields() {
    List<String> kinds = List.of("text", "date", "province_code", "personal_tax_code", "email");
    List<FieldDeclaration> fields =
        List.range(0, 24)
            .flatMap(number -> List.of("$" + number, "$0" + number, "field" + number))
            .zipWithIndex()
            .map(keyAndIndex -> {
              String key = keyAndIndex._1;
              int index = keyAndIndex._2;
              return switch (key) {
                case "$1" -> optionalField(key, "Cognome", "text");
                case "$01" -> optionalField(key, "Nome", "text");
                case "$2" -> optionalField(key, "Data di nascita", "date");
                case "$7" -> optionalField(key, "Codice fiscale", "personal_tax_code");
                default ->
                    index % 7 == 0
                        ? field(key, "Campo " + index, kinds.get(index % kinds.size()))
                        : optionalField(key, "Campo " + index, kinds.get(index % kinds.size()));
              };
            });
    return certificate(
        "$07 && ($7 || field7) && ($023 || field23 || $0)",
        fields.toJavaArray(FieldDeclaration[]::new));
  }

  /** Keys of the forms, keys no form has, and text that is no key at all. */
  private static final List<String> KEYS =
      List.of(
          "$0",
          "$1",
          "$2",
          "$3",
          "$4",
          "$5",
          "$6",
          "$7",
          "$10",
          "$11",
          "$12",
          "$8",
          "$02",
          "$07",
          "$023",
          "field7",
          "field23",
          "field0",
          "field1",
          "field2",
          "field10",
          "field3",
          "",
          " ",
          "a b",
          "$ 1",
          " $1",
          "$7 ",
          "x".repeat(70));

  private static final List<String> VALUES =
      List.of(
          "Mario",
          "Rossi",
          "Maria",
          "Bianchi",
          " Laura ",
          // Accented, with a combining mark, and with a character outside the BMP: the letters
          // still agree with a code's.
          "Màrio",
          "Ro\u0301ssi",
          "\uD835\uDC00Bianchi",
          "",
          "   ",
          "1985-12-10",
          "10/12/1985",
          "1990-01-01",
          "31-02-1990",
          "-1985-12-10",
          "+12345-01-01",
          "M",
          "femmina",
          "non dichiarato",
          "PI",
          "pi",
          "XX",
          "G702",
          "g70",
          TaxCodes.MARIO_ROSSI,
          TaxCodes.MARIA_ROSSI,
          TaxCodes.LAURA_BIANCHI,
          TaxCodes.MARIO_ROSSI_OMOCODE,
          "rss mra 85t10 a562s",
          "RSSMRA85T10A562X",
          "12345678903",
          "IT12345678903",
          "mario.rossi@example.com",
          SeedCertificates.PDF_FILE,
          "riga\nnuova");

  @Provide
  Arbitrary<Certificate> forms() {
    return Arbitraries.of(FORMS.asJava());
  }

  @Provide
  Arbitrary<Map<String, String>> submissions() {
    Arbitrary<String> keys = Arbitraries.of(KEYS.asJava());
    Arbitrary<String> values = Arbitraries.of(VALUES.asJava());
    return Combinators.combine(keys, values)
        .as(io.vavr.Tuple::of)
        .list()
        .ofMaxSize(12)
        .map(LinkedHashMap::ofEntries);
  }

  @Provide
  Arbitrary<List<String>> extras() {
    return Arbitraries.of("opzione_0", "opzione_1", "opzione_9", " ", "")
        .list()
        .ofMaxSize(3)
        .map(List::ofAll);
  }

  @Property(tries = 2000)
  void theCheckAnswersAsItDidBefore(
      @ForAll("forms") Certificate certificate,
      @ForAll("submissions") Map<String, String> values,
      @ForAll("extras") List<String> extras) {
    assertThat(SubmissionCheck.check(certificate, values, extras, POLICY))
        .isEqualTo(ReferenceSubmissionCheck.check(certificate, values, extras, POLICY));
  }

  /**
   * Values in a hash map are looked up by the form's keys; values in a sorted map, whose comparator
   * need not agree with {@code equals}, are walked: here one that finds {@code " $1"} when asked
   * for {@code $1}, where the key {@code " $1"} is unknown and {@code $1} has no value.
   */
  @Property(tries = 500)
  void theCheckAnswersAsItDidBeforeWhicheverMapHoldsTheValues(
      @ForAll("forms") Certificate certificate,
      @ForAll("submissions") Map<String, String> values,
      @ForAll("extras") List<String> extras) {
    Map<String, String> hashed = HashMap.ofAll(values.toJavaMap());
    Map<String, String> sorted =
        TreeMap.ofAll(Comparator.comparing(String::strip), values.toJavaMap());

    assertThat(SubmissionCheck.check(certificate, hashed, extras, POLICY))
        .isEqualTo(ReferenceSubmissionCheck.check(certificate, hashed, extras, POLICY));
    assertThat(SubmissionCheck.check(certificate, sorted, extras, POLICY))
        .isEqualTo(ReferenceSubmissionCheck.check(certificate, sorted, extras, POLICY));
  }

  /** Every form, key and value once: a value that only one field of one form reacts to is met. */
  @Property(tries = 10_000, generation = GenerationMode.EXHAUSTIVE)
  void aCompleteSubmissionWithOneValueChangedAnswersAsBefore(
      @ForAll("forms") Certificate certificate,
      @ForAll("submissionKeys") String key,
      @ForAll("submissionValues") String value) {
    Map<String, String> complete =
        certificate.equals(FORMS.get(1))
            ? SeedCertificates.a2ValuesWithoutMandate()
            : SeedCertificates.familyStatusValues();
    Map<String, String> changed = complete.put(key, value);

    assertThat(SubmissionCheck.check(certificate, changed, List.of("opzione_0"), POLICY))
        .isEqualTo(
            ReferenceSubmissionCheck.check(certificate, changed, List.of("opzione_0"), POLICY));
  }

  @Provide
  Arbitrary<String> submissionKeys() {
    return Arbitraries.of(KEYS.asJava());
  }

  @Provide
  Arbitrary<String> submissionValues() {
    return Arbitraries.of(VALUES.asJava());
  }
}
