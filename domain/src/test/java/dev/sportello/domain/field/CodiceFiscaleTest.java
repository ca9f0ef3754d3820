package dev.sportello.domain.field;

import static dev.sportello.domain.field.ReferenceCodes.withCheckCharacter;
import static dev.sportello.domain.field.Results.rejectionCode;
import static dev.sportello.domain.field.Results.rejectionMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sportello.domain.field.CodiceFiscale.Sex;
import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodiceFiscaleTest {

  private static CodiceFiscale parsed(String code) {
    return CodiceFiscale.parse(code).getOrElseThrow(r -> new AssertionError(r.toString()));
  }

  @Nested
  class Reading {
    @Test
    void a_valid_code_is_read_into_its_parts() {
      assertThat(parsed("RSSMRA80A01H501U"))
          .isEqualTo(
              new CodiceFiscale(
                  "RSSMRA80A01H501U", "RSS", "MRA", 80, Month.JANUARY, 1, Sex.MALE, "H501"));
    }

    @Test
    void lower_case_is_read_and_upper_cased() {
      assertThat(parsed("rssmra80a01h501u").value()).isEqualTo("RSSMRA80A01H501U");
    }

    @Test
    void blanks_around_and_inside_are_ignored() {
      assertThat(parsed(" RSS MRA\u00A080A01\tH501U \n").value()).isEqualTo("RSSMRA80A01H501U");
    }

    @Test
    void a_day_up_to_40_reads_as_male() {
      assertThat(parsed(withCheckCharacter("RSSMRA80A31H501")).sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void a_female_day_above_40_reads_as_female() {
      CodiceFiscale code = parsed(withCheckCharacter("RSSMRA80A41H501"));

      assertThat(code.sex()).isEqualTo(Sex.FEMALE);
      assertThat(code.dayOfMonth()).isEqualTo(1);
    }

    @Test
    void day_71_is_the_31st_for_a_woman() {
      CodiceFiscale code = parsed(withCheckCharacter("BNCLRA85T71F205"));

      assertThat(code.dayOfMonth()).isEqualTo(31);
      assertThat(code.month()).isEqualTo(Month.DECEMBER);
      assertThat(code.sex()).isEqualTo(Sex.FEMALE);
    }

    @ParameterizedTest
    @CsvSource({
      "A, JANUARY",
      "B, FEBRUARY",
      "C, MARCH",
      "D, APRIL",
      "E, MAY",
      "H, JUNE",
      "L, JULY",
      "M, AUGUST",
      "P, SEPTEMBER",
      "R, OCTOBER",
      "S, NOVEMBER",
      "T, DECEMBER"
    })
    void each_month_letter_reads_as_its_month(char letter, Month month) {
      assertThat(parsed(withCheckCharacter("RSSMRA80" + letter + "01H501")).month())
          .isEqualTo(month);
    }

    @Test
    void omocodia_letters_are_decoded_in_the_date_and_place_but_kept_in_the_value() {
      CodiceFiscale code = parsed(withCheckCharacter("RSSMRAULALMHRLM"));

      assertThat(code.value()).isEqualTo("RSSMRAULALMHRLMD");
      assertThat(code.yearOfCentury()).isEqualTo(80);
      assertThat(code.dayOfMonth()).isEqualTo(1);
      assertThat(code.placeCode()).isEqualTo("H501");
    }

    @Test
    void every_omocodia_letter_stands_for_its_digit() {
      // L M N P Q R S T U V stand for 0 to 9; in the year, "VL" is 90 and "LV" is 09.
      assertThat(parsed(withCheckCharacter("RSSMRAVLA01H501")).yearOfCentury()).isEqualTo(90);
      assertThat(parsed(withCheckCharacter("RSSMRALVA01H501")).yearOfCentury()).isEqualTo(9);
      assertThat(parsed(withCheckCharacter("RSSMRA80A01HMNP")).placeCode()).isEqualTo("H123");
      assertThat(parsed(withCheckCharacter("RSSMRA80A01HQRS")).placeCode()).isEqualTo("H456");
      assertThat(parsed(withCheckCharacter("RSSMRA80A01HTUV")).placeCode()).isEqualTo("H789");
    }

    @Test
    void a_foreign_birthplace_starts_with_z() {
      assertThat(parsed(withCheckCharacter("RSSMRA80A01Z404")).placeCode()).isEqualTo("Z404");
    }
  }

  @Nested
  class BirthDay {
    @ParameterizedTest
    @ValueSource(strings = {"00", "32", "40", "72", "99"})
    void a_day_outside_1_to_31_and_41_to_71_is_refused(String day) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("RSSMRA80A" + day + "H501"))))
          .isEqualTo("codice_fiscale.day");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "31", "41", "71"})
    void the_days_at_the_edges_of_both_ranges_are_accepted(String day) {
      assertThat(CodiceFiscale.parse(withCheckCharacter("RSSMRA80A" + day + "H501")).isRight())
          .isTrue();
    }

    @Test
    void a_day_the_month_does_not_have_is_refused() {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("RSSMRA80D31H501"))))
          .isEqualTo("codice_fiscale.birth_date");
    }

    @Test
    void a_woman_s_day_the_month_does_not_have_is_refused() {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("RSSMRA80D71H501"))))
          .isEqualTo("codice_fiscale.birth_date");
    }

    @Test
    void the_last_day_of_a_30_day_month_is_accepted() {
      assertThat(parsed(withCheckCharacter("RSSMRA80D30H501")).dayOfMonth()).isEqualTo(30);
    }

    @Test
    void february_29_is_accepted_in_a_year_of_century_divisible_by_4() {
      assertThat(parsed(withCheckCharacter("VRDGPP04B29H501")).dayOfMonth()).isEqualTo(29);
    }

    @Test
    void february_29_is_accepted_in_year_00_because_2000_was_a_leap_year() {
      assertThat(parsed(withCheckCharacter("VRDGPP00B29H501")).dayOfMonth()).isEqualTo(29);
    }

    @Test
    void february_29_is_refused_when_no_century_makes_the_year_leap() {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("VRDGPP01B29H501"))))
          .isEqualTo("codice_fiscale.birth_date");
    }

    @Test
    void february_30_is_refused_even_in_a_leap_year() {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("VRDGPP04B30H501"))))
          .isEqualTo("codice_fiscale.birth_date");
    }
  }

  @Nested
  class Refusing {
    @ParameterizedTest
    @ValueSource(strings = {"RSSMRA80A01H501", "RSSMRA80A01H501UU", ""})
    void a_code_without_16_characters_is_refused(String code) {
      assertThat(rejectionCode(CodiceFiscale.parse(code))).isEqualTo("codice_fiscale.length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1SSMRA80A01H501", "RSSMR480A01H501"})
    void a_digit_among_the_first_six_is_refused(String first15) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter(first15))))
          .isEqualTo("codice_fiscale.letters");
    }

    @Test
    void punctuation_among_the_first_six_is_refused() {
      assertThat(rejectionCode(CodiceFiscale.parse("RSS-RA80A01H501U")))
          .isEqualTo("codice_fiscale.letters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSSMRAA0A01H501", "RSSMRA8OA01H501", "RSSMRAW0A01H501"})
    void a_year_that_is_not_digits_or_omocodia_letters_is_refused(String first15) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter(first15))))
          .isEqualTo("codice_fiscale.year");
    }

    @ParameterizedTest
    @ValueSource(chars = {'F', 'G', 'I', 'Z', '1'})
    void a_letter_that_names_no_month_is_refused(char letter) {
      assertThat(
              rejectionCode(
                  CodiceFiscale.parse(withCheckCharacter("RSSMRA80" + letter + "01H501"))))
          .isEqualTo("codice_fiscale.month");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSSMRA80AA1H501", "RSSMRA80A0KH501"})
    void a_day_that_is_not_digits_or_omocodia_letters_is_refused(String first15) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter(first15))))
          .isEqualTo("codice_fiscale.day");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"RSSMRA80A015501", "RSSMRA80A01HA01", "RSSMRA80A01H5O1", "RSSMRA80A01H50K"})
    void a_place_that_is_not_a_letter_and_three_digits_is_refused(String first15) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter(first15))))
          .isEqualTo("codice_fiscale.place");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSSMRA80A01H501V", "RSSMRA80A01H501T", "RSSMRA80A01H5010"})
    void a_wrong_check_character_is_refused(String code) {
      assertThat(rejectionCode(CodiceFiscale.parse(code)))
          .isEqualTo("codice_fiscale.check_character");
    }

    @Test
    void a_swap_of_two_characters_is_caught_by_the_check_character() {
      assertThat(rejectionCode(CodiceFiscale.parse("RSSMRA08A01H501U")))
          .isEqualTo("codice_fiscale.check_character");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "RSSMRA80A01H501V",
          "RSSMRA80A01H501",
          "1SSMRA80A01H501U",
          "RSSMRAA0A01H501U",
          "RSSMRA80F01H501U",
          "RSSMRA80AA1H501U",
          "RSSMRA80A32H501U",
          "RSSMRA80D31H501U",
          "RSSMRA80A015501U"
        })
    void no_message_repeats_the_code_or_its_parts(String code) {
      String message = rejectionMessage(CodiceFiscale.parse(code));

      assertThat(message).doesNotContain(code, "RSS", "MRA", "H501", "80").isNotBlank();
    }
  }

  @Nested
  class NameCodes {
    @ParameterizedTest
    @CsvSource({
      "Rossi, RSS",
      "Zanzi, ZNZ",
      "Bo, BOX",
      "Fo, FOX",
      "Re, REX",
      "Eva, VEA",
      "Oe, OEX",
      "'', XXX",
      "D'Angelo, DNG",
      "De Luca, DLC",
      "dell'Acqua, DLL",
      "Müller, MLL",
      "Yu, YUX",
      "Giannini-Bianchi, GNN",
      "Àèìòù, AEI"
    })
    void a_surname_gives_consonants_then_vowels_then_x(String surname, String code) {
      assertThat(CodiceFiscale.surnameCode(surname)).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
      "Mario, MRA",
      "Marco, MRC",
      "Luca, LCU",
      "Al, LAX",
      "Ugo, GUO",
      "Martina, MTN",
      "Gianfranco, GFR",
      "Maria Grazia, MGR",
      "Niccolò, NCL",
      "ÉLODIE, LDE",
      "Yvonne, YNN",
      "Roberta, RRT"
    })
    void a_given_name_gives_the_first_third_and_fourth_of_four_or_more_consonants(
        String name, String code) {
      assertThat(CodiceFiscale.nameCode(name)).isEqualTo(code);
    }

    @Test
    void a_given_name_with_exactly_three_consonants_gives_them_in_order() {
      assertThat(CodiceFiscale.nameCode("Carlo")).isEqualTo("CRL");
    }
  }

  @Nested
  class BirthDate {
    private final CodiceFiscale code = parsed("RSSMRA80A01H501U");

    @Test
    void agrees_with_a_date_in_any_century_with_the_same_year_month_and_day() {
      assertThat(code.agreesWithBirthDate(LocalDate.of(1980, 1, 1))).isTrue();
      assertThat(code.agreesWithBirthDate(LocalDate.of(2080, 1, 1))).isTrue();
    }

    @Test
    void disagrees_with_another_year() {
      assertThat(code.agreesWithBirthDate(LocalDate.of(1981, 1, 1))).isFalse();
    }

    @Test
    void disagrees_with_another_month() {
      assertThat(code.agreesWithBirthDate(LocalDate.of(1980, 2, 1))).isFalse();
    }

    @Test
    void disagrees_with_another_day() {
      assertThat(code.agreesWithBirthDate(LocalDate.of(1980, 1, 2))).isFalse();
    }
  }

  @Nested
  class Invariants {
    private static CodiceFiscale with(
        String value, String surname, String name, int year, int day, String place) {
      return new CodiceFiscale(value, surname, name, year, Month.JANUARY, day, Sex.MALE, place);
    }

    @Test
    void the_extremes_of_every_part_are_accepted() {
      assertThat(with("RSSMRA00A01H501U", "RSS", "MRA", 0, 1, "H501").yearOfCentury()).isZero();
      assertThat(with("RSSMRA99A31H501U", "RSS", "MRA", 99, 31, "Z999").dayOfMonth()).isEqualTo(31);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rssmra80a01h501u", "RSSMRA80A01H501", "RSSMRA80A01H501U0"})
    void a_value_that_is_not_16_upper_case_letters_and_digits_is_a_bug(String value) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with(value, "RSS", "MRA", 80, 1, "H501"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS", "RSSS", "R5S", "rss"})
    void a_surname_code_that_is_not_three_letters_is_a_bug(String surname) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", surname, "MRA", 80, 1, "H501"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MR", "MRAA", "M1A"})
    void a_name_code_that_is_not_three_letters_is_a_bug(String name) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", "RSS", name, 80, 1, "H501"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 100})
    void a_year_of_century_outside_0_to_99_is_a_bug(int year) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", "RSS", "MRA", year, 1, "H501"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, 41})
    void a_day_of_month_outside_1_to_31_is_a_bug(int day) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", "RSS", "MRA", 80, day, "H501"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"H50", "HMNP", "1501", "H5011"})
    void a_place_code_that_is_not_a_letter_and_three_digits_is_a_bug(String place) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", "RSS", "MRA", 80, 1, place));
    }
  }
}
