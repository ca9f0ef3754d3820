package dev.sportello.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.rule.RequirementRule;
import dev.sportello.domain.submission.SubmissionCheck;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Malformed rule texts, field values and whole submissions: each is either accepted or refused as a
 * value, never with an exception. The tries per property are jqwik's default (1 000); the fuzz
 * campaign raises them: {@code ./mvnw -o -pl bootstrap -am verify -Dtest=InputFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default=100000}. jqwik prints the tries of
 * each property to the test's output.
 */
class InputFuzzTest {
  private static final ValuePolicy POLICY = ValuePolicy.defaults();
  private static final Certificate FAMILY_STATUS =
      dev.sportello.domain.fixtures.SeedCertificates.familyStatus();

  @Property
  void aRuleTextParsesToARuleThatPrintsBackOrToASyntaxError(@ForAll("ruleTexts") String text) {
    var parsed = RequirementRule.parse(text);

    if (parsed.isRight()) {
      assertThat(RequirementRule.parse(parsed.get().print())).isEqualTo(parsed);
    } else {
      assertThat(parsed.getLeft().message()).isNotBlank();
    }
  }

  @Property
  void aValueIsNormalisedOrRejectedWithAReasonByEveryFieldType(
      @ForAll("fieldTypes") FieldType type, @ForAll("fieldValues") String value) {
    var normalised = type.normalise(value, POLICY);

    if (normalised.isLeft()) {
      assertThat(normalised.getLeft().code()).isNotBlank();
    } else {
      assertThat(normalised.get()).isNotNull();
    }
  }

  @Property
  void aSubmissionOfAnyKeysAndValuesIsCheckedWithoutAnException(
      @ForAll("submissions") Map<String, String> values) {
    var checked = SubmissionCheck.check(FAMILY_STATUS, HashMap.ofAll(values), List.empty(), POLICY);

    assertThat(checked.isValid() || !checked.getError().isEmpty()).isTrue();
  }

  @Provide
  Arbitrary<String> ruleTexts() {
    Arbitrary<String> grammarShaped =
        Arbitraries.strings().withChars("$0123456789&|() \t\n").ofMaxLength(80);
    Arbitrary<String> tokens =
        Arbitraries.of(
                "$0", "$7", "$12", "$00", "$1000000", "&&", "||", "&", "|", "(", ")", " ", "")
            .list()
            .ofMaxSize(30)
            .map(parts -> String.join("", parts));
    return Arbitraries.oneOf(grammarShaped, tokens, Arbitraries.strings().ofMaxLength(60));
  }

  /** Every kind, the unknown one (read as free text) included. */
  @Provide
  Arbitrary<FieldType> fieldTypes() {
    return Arbitraries.of(
            "text",
            "denomination",
            "personal_tax_code",
            "tax_code",
            "vat_number",
            "municipality_code",
            "province_code",
            "date",
            "email",
            "file",
            "unknown")
        .map(kind -> FieldType.ofKind(kind).get());
  }

  @Provide
  Arbitrary<String> fieldValues() {
    Arbitrary<String> codeShaped =
        Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMaxLength(20);
    Arbitrary<String> dateShaped =
        Arbitraries.strings().withChars("0123456789-/. ").ofMaxLength(12);
    Arbitrary<String> fileShaped =
        Arbitraries.strings()
            .ofMaxLength(40)
            .map(tail -> "f.pdf|data:application/pdf;base64," + tail);
    Arbitrary<String> emailShaped = Arbitraries.strings().withChars("ab.@-_ ").ofMaxLength(20);
    return Arbitraries.oneOf(
        codeShaped, dateShaped, fileShaped, emailShaped, Arbitraries.strings().ofMaxLength(60));
  }

  @Provide
  Arbitrary<Map<String, String>> submissions() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of("$0", "$1", "$2", "$5", "$6", "$7", "$8", "$01", " ", ""),
            Arbitraries.strings().ofMaxLength(10));
    return Arbitraries.maps(keys, fieldValues()).ofMaxSize(12);
  }
}
