package dev.sportello.domain.field;

import static dev.sportello.domain.field.Results.rejectionCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {
  private static final ValuePolicy POLICY = ValuePolicy.defaults();

  static Stream<FieldType> freeTextTypes() {
    return Stream.of(new FieldType.Text(), new FieldType.Denomination(), new FieldType.Unknown());
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void textIsTrimmedAndOtherwiseKept(FieldType type) {
    assertThat(type.normalise("  Società Rossi & C.  s.r.l. ", POLICY))
        .isEqualTo(Either.right("Società Rossi & C.  s.r.l."));
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void aValueOfBlanksOnlyIsRefused(FieldType type) {
    assertThat(rejectionCode(type.normalise(" \t ", POLICY))).isEqualTo("text.blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\tb", "a\nb", "a\rb", "a\u0000b", "a\u007Fb", "a\u0085b", "a\u009Fb"})
  void aControlCharacterInsideIsRefused(String text) {
    assertThat(rejectionCode(new FieldType.Text().normalise(text, POLICY)))
        .isEqualTo("text.control_character");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ma\u200Brio",
        "Ma\u200Drio",
        "\u2066Mario",
        "Ma\u00ADrio",
        "Mario\uFEFFRossi",
        "Ma\u2028rio",
        "Ma\uE000rio",
        "Ma\uD800rio",
        "Ma\u0378rio"
      })
  void anInvisibleCharacterInsideIsRefused(String text) {
    assertThat(rejectionCode(new FieldType.Text().normalise(text, POLICY)))
        .isEqualTo("text.invisible_character");
  }

  @Test
  void theRefusalNamesTheInvisibleCharacterButNotTheValue() {
    var rejection = new FieldType.Text().normalise("Ma\u200Brio", POLICY).getLeft();

    assertThat(rejection.message()).contains("U+200B").doesNotContain("Ma");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nicolò", "D'Angelo", "Müller-Lüdenscheidt", "Zoë", "Ελένη", "李"})
  void visibleLettersOfAnyScriptAreAccepted(String text) {
    assertThat(new FieldType.Text().normalise(text, POLICY)).isEqualTo(Either.right(text));
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void textOfExactlyTheLimitIsAccepted(FieldType type) {
    String text = "a".repeat(FieldValues.MAX_TEXT_LENGTH);

    assertThat(type.normalise(text, POLICY)).isEqualTo(Either.right(text));
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void textOneCharacterOverTheLimitIsRefused(FieldType type) {
    String text = "a".repeat(FieldValues.MAX_TEXT_LENGTH + 1);

    assertThat(rejectionCode(type.normalise(text, POLICY))).isEqualTo("text.too_long");
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void theLimitCountsCharactersNotUtf16Units(FieldType type) {
    String text = "😀".repeat(FieldValues.MAX_TEXT_LENGTH);

    assertThat(type.normalise(text, POLICY)).isEqualTo(Either.right(text));
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void blanksAroundDoNotCountTowardsTheLimit(FieldType type) {
    String text = "a".repeat(FieldValues.MAX_TEXT_LENGTH);

    assertThat(type.normalise("  " + text + "  ", POLICY)).isEqualTo(Either.right(text));
  }
}
