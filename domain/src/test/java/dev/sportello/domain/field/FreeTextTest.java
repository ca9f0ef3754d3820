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
  void text_is_trimmed_and_otherwise_kept(FieldType type) {
    assertThat(type.normalise("  Società Rossi & C.  s.r.l. ", POLICY))
        .isEqualTo(Either.right("Società Rossi & C.  s.r.l."));
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void a_value_of_blanks_only_is_refused(FieldType type) {
    assertThat(rejectionCode(type.normalise(" \t ", POLICY))).isEqualTo("text.blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\tb", "a\nb", "a\rb", "a\u0000b", "a\u007Fb", "a\u0085b", "a\u009Fb"})
  void a_control_character_inside_is_refused(String text) {
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
  void an_invisible_character_inside_is_refused(String text) {
    assertThat(rejectionCode(new FieldType.Text().normalise(text, POLICY)))
        .isEqualTo("text.invisible_character");
  }

  @Test
  void the_refusal_names_the_invisible_character_but_not_the_value() {
    var rejection = new FieldType.Text().normalise("Ma\u200Brio", POLICY).getLeft();

    assertThat(rejection.message()).contains("U+200B").doesNotContain("Ma");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nicolò", "D'Angelo", "Müller-Lüdenscheidt", "Zoë", "Ελένη", "李"})
  void visible_letters_of_any_script_are_accepted(String text) {
    assertThat(new FieldType.Text().normalise(text, POLICY)).isEqualTo(Either.right(text));
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void text_of_exactly_the_limit_is_accepted(FieldType type) {
    String text = "a".repeat(FieldValues.MAX_TEXT_LENGTH);

    assertThat(type.normalise(text, POLICY)).isEqualTo(Either.right(text));
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void text_one_character_over_the_limit_is_refused(FieldType type) {
    String text = "a".repeat(FieldValues.MAX_TEXT_LENGTH + 1);

    assertThat(rejectionCode(type.normalise(text, POLICY))).isEqualTo("text.too_long");
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void the_limit_counts_characters_not_utf16_units(FieldType type) {
    String text = "😀".repeat(FieldValues.MAX_TEXT_LENGTH);

    assertThat(type.normalise(text, POLICY)).isEqualTo(Either.right(text));
  }

  @ParameterizedTest
  @MethodSource("freeTextTypes")
  void blanks_around_do_not_count_towards_the_limit(FieldType type) {
    String text = "a".repeat(FieldValues.MAX_TEXT_LENGTH);

    assertThat(type.normalise("  " + text + "  ", POLICY)).isEqualTo(Either.right(text));
  }
}
