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
    void aValidCodeIsReadIntoItsParts() {
      assertThat(parsed("RSSMRA80A01H501U"))
          .isEqualTo(
              new CodiceFiscale(
                  "RSSMRA80A01H501U", "RSS", "MRA", 80, Month.JANUARY, 1, Sex.MALE, "H501"));
    }

    @Test
    void lowerCaseIsReadAndUpperCased() {
      assertThat(parsed("rssmra80a01h501u").value()).isEqualTo("RSSMRA80A01H501U");
    }

    @Test
    void blanksAroundAndInsideAreIgnored() {
      assertThat(parsed(" RSS MRA\u00A080A01\tH501U \n").value()).isEqualTo("RSSMRA80A01H501U");
    }

    @Test
    void aDayUpTo40ReadsAsMale() {
      assertThat(parsed(withCheckCharacter("RSSMRA80A31H501")).sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void aFemaleDayAbove40ReadsAsFemale() {
      CodiceFiscale code = parsed(withCheckCharacter("RSSMRA80A41H501"));

      assertThat(code.sex()).isEqualTo(Sex.FEMALE);
      assertThat(code.dayOfMonth()).isEqualTo(1);
    }

    @Test
    void day71IsThe31stForAWoman() {
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
    void eachMonthLetterReadsAsItsMonth(char letter, Month month) {
      assertThat(parsed(withCheckCharacter("RSSMRA80" + letter + "01H501")).month())
          .isEqualTo(month);
    }

    @Test
    void omocodiaLettersAreDecodedInTheDateAndPlaceButKeptInTheValue() {
      CodiceFiscale code = parsed(withCheckCharacter("RSSMRAULALMHRLM"));

      assertThat(code.value()).isEqualTo("RSSMRAULALMHRLMD");
      assertThat(code.yearOfCentury()).isEqualTo(80);
      assertThat(code.dayOfMonth()).isEqualTo(1);
      assertThat(code.placeCode()).isEqualTo("H501");
    }

    @Test
    void everyOmocodiaLetterStandsForItsDigit() {
      // L M N P Q R S T U V stand for 0 to 9; in the year, "VL" is 90 and "LV" is 09.
      assertThat(parsed(withCheckCharacter("RSSMRAVLA01H501")).yearOfCentury()).isEqualTo(90);
      assertThat(parsed(withCheckCharacter("RSSMRALVA01H501")).yearOfCentury()).isEqualTo(9);
      assertThat(parsed(withCheckCharacter("RSSMRA80A01HMNP")).placeCode()).isEqualTo("H123");
      assertThat(parsed(withCheckCharacter("RSSMRA80A01HQRS")).placeCode()).isEqualTo("H456");
      assertThat(parsed(withCheckCharacter("RSSMRA80A01HTUV")).placeCode()).isEqualTo("H789");
    }

    @Test
    void aForeignBirthplaceStartsWithZ() {
      assertThat(parsed(withCheckCharacter("RSSMRA80A01Z404")).placeCode()).isEqualTo("Z404");
    }
  }

  @Nested
  class BirthDay {
    @ParameterizedTest
    @ValueSource(strings = {"00", "32", "40", "72", "99"})
    void aDayOutside1To31And41To71IsRefused(String day) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("RSSMRA80A" + day + "H501"))))
          .isEqualTo("codice_fiscale.day");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "31", "41", "71"})
    void theDaysAtTheEdgesOfBothRangesAreAccepted(String day) {
      assertThat(CodiceFiscale.parse(withCheckCharacter("RSSMRA80A" + day + "H501")).isRight())
          .isTrue();
    }

    @Test
    void aDayTheMonthDoesNotHaveIsRefused() {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("RSSMRA80D31H501"))))
          .isEqualTo("codice_fiscale.birth_date");
    }

    @Test
    void aWomanSDayTheMonthDoesNotHaveIsRefused() {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("RSSMRA80D71H501"))))
          .isEqualTo("codice_fiscale.birth_date");
    }

    @Test
    void theLastDayOfA30DayMonthIsAccepted() {
      assertThat(parsed(withCheckCharacter("RSSMRA80D30H501")).dayOfMonth()).isEqualTo(30);
    }

    @Test
    void february29IsAcceptedInAYearOfCenturyDivisibleBy4() {
      assertThat(parsed(withCheckCharacter("VRDGPP04B29H501")).dayOfMonth()).isEqualTo(29);
    }

    @Test
    void february29IsAcceptedInYear00Because2000WasALeapYear() {
      assertThat(parsed(withCheckCharacter("VRDGPP00B29H501")).dayOfMonth()).isEqualTo(29);
    }

    @Test
    void february29IsRefusedWhenNoCenturyMakesTheYearLeap() {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("VRDGPP01B29H501"))))
          .isEqualTo("codice_fiscale.birth_date");
    }

    @Test
    void february30IsRefusedEvenInALeapYear() {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter("VRDGPP04B30H501"))))
          .isEqualTo("codice_fiscale.birth_date");
    }
  }

  @Nested
  class Refusing {
    @ParameterizedTest
    @ValueSource(strings = {"RSSMRA80A01H501", "RSSMRA80A01H501UU", ""})
    void aCodeWithout16CharactersIsRefused(String code) {
      assertThat(rejectionCode(CodiceFiscale.parse(code))).isEqualTo("codice_fiscale.length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1SSMRA80A01H501", "RSSMR480A01H501"})
    void aDigitAmongTheFirstSixIsRefused(String first15) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter(first15))))
          .isEqualTo("codice_fiscale.letters");
    }

    @Test
    void punctuationAmongTheFirstSixIsRefused() {
      assertThat(rejectionCode(CodiceFiscale.parse("RSS-RA80A01H501U")))
          .isEqualTo("codice_fiscale.letters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSSMRAA0A01H501", "RSSMRA8OA01H501", "RSSMRAW0A01H501"})
    void aYearThatIsNotDigitsOrOmocodiaLettersIsRefused(String first15) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter(first15))))
          .isEqualTo("codice_fiscale.year");
    }

    @ParameterizedTest
    @ValueSource(chars = {'F', 'G', 'I', 'Z', '1'})
    void aLetterThatNamesNoMonthIsRefused(char letter) {
      assertThat(
              rejectionCode(
                  CodiceFiscale.parse(withCheckCharacter("RSSMRA80" + letter + "01H501"))))
          .isEqualTo("codice_fiscale.month");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSSMRA80AA1H501", "RSSMRA80A0KH501"})
    void aDayThatIsNotDigitsOrOmocodiaLettersIsRefused(String first15) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter(first15))))
          .isEqualTo("codice_fiscale.day");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"RSSMRA80A015501", "RSSMRA80A01HA01", "RSSMRA80A01H5O1", "RSSMRA80A01H50K"})
    void aPlaceThatIsNotALetterAndThreeDigitsIsRefused(String first15) {
      assertThat(rejectionCode(CodiceFiscale.parse(withCheckCharacter(first15))))
          .isEqualTo("codice_fiscale.place");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSSMRA80A01H501V", "RSSMRA80A01H501T", "RSSMRA80A01H5010"})
    void aWrongCheckCharacterIsRefused(String code) {
      assertThat(rejectionCode(CodiceFiscale.parse(code)))
          .isEqualTo("codice_fiscale.check_character");
    }

    @Test
    void aSwapOfTwoCharactersIsCaughtByTheCheckCharacter() {
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
    void noMessageRepeatsTheCodeOrItsParts(String code) {
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
    void aSurnameGivesConsonantsThenVowelsThenX(String surname, String code) {
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
    void aGivenNameGivesTheFirstThirdAndFourthOfFourOrMoreConsonants(String name, String code) {
      assertThat(CodiceFiscale.nameCode(name)).isEqualTo(code);
    }

    @Test
    void aGivenNameWithExactlyThreeConsonantsGivesThemInOrder() {
      assertThat(CodiceFiscale.nameCode("Carlo")).isEqualTo("CRL");
    }
  }

  @Nested
  class BirthDate {
    private final CodiceFiscale code = parsed("RSSMRA80A01H501U");

    @Test
    void agreesWithADateInAnyCenturyWithTheSameYearMonthAndDay() {
      assertThat(code.agreesWithBirthDate(LocalDate.of(1980, 1, 1))).isTrue();
      assertThat(code.agreesWithBirthDate(LocalDate.of(2080, 1, 1))).isTrue();
    }

    @Test
    void disagreesWithAnotherYear() {
      assertThat(code.agreesWithBirthDate(LocalDate.of(1981, 1, 1))).isFalse();
    }

    @Test
    void disagreesWithAnotherMonth() {
      assertThat(code.agreesWithBirthDate(LocalDate.of(1980, 2, 1))).isFalse();
    }

    @Test
    void disagreesWithAnotherDay() {
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
    void theExtremesOfEveryPartAreAccepted() {
      assertThat(with("RSSMRA00A01H501U", "RSS", "MRA", 0, 1, "H501").yearOfCentury()).isZero();
      assertThat(with("RSSMRA99A31H501U", "RSS", "MRA", 99, 31, "Z999").dayOfMonth()).isEqualTo(31);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rssmra80a01h501u", "RSSMRA80A01H501", "RSSMRA80A01H501U0"})
    void aValueThatIsNot16UpperCaseLettersAndDigitsIsABug(String value) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with(value, "RSS", "MRA", 80, 1, "H501"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS", "RSSS", "R5S", "rss"})
    void aSurnameCodeThatIsNotThreeLettersIsABug(String surname) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", surname, "MRA", 80, 1, "H501"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MR", "MRAA", "M1A"})
    void aNameCodeThatIsNotThreeLettersIsABug(String name) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", "RSS", name, 80, 1, "H501"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 100})
    void aYearOfCenturyOutside0To99IsABug(int year) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", "RSS", "MRA", year, 1, "H501"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, 41})
    void aDayOfMonthOutside1To31IsABug(int day) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", "RSS", "MRA", 80, day, "H501"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"H50", "HMNP", "1501", "H5011"})
    void aPlaceCodeThatIsNotALetterAndThreeDigitsIsABug(String place) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> with("RSSMRA80A01H501U", "RSS", "MRA", 80, 1, place));
    }
  }
}
