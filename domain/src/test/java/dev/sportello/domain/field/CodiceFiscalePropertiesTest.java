package dev.sportello.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.field.CodiceFiscale.Sex;
import dev.sportello.domain.fixtures.ReferenceLetterCodes;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.time.api.Dates;

class CodiceFiscalePropertiesTest {

  /** The data a codice fiscale is made from; {@code omocodia} is how many digits were replaced. */
  record Person(
      String surname, String name, LocalDate birthDate, Sex sex, String placeCode, int omocodia) {

    /** The code, built the way the Agenzia delle Entrate describes it. */
    String code() {
      int day = birthDate.getDayOfMonth() + (sex == Sex.FEMALE ? 40 : 0);
      String plain =
          surnameLetters(surname)
              + nameLetters(name)
              + String.format(Locale.ROOT, "%02d", birthDate.getYear() % 100)
              + "ABCDEHLMPRST".charAt(birthDate.getMonthValue() - 1)
              + String.format(Locale.ROOT, "%02d", day)
              + placeCode;
      return ReferenceCodes.withCheckCharacter(withOmocodia(plain));
    }

    // Omocodia replaces digits from the right: place, then day, then year.
    private String withOmocodia(String plain) {
      char[] chars = plain.toCharArray();
      int[] digitPositions = {14, 13, 12, 10, 9, 7, 6};
      for (int i = 0; i < omocodia; i++) {
        int position = digitPositions[i];
        chars[position] = "LMNPQRSTUV".charAt(chars[position] - '0');
      }
      return new String(chars);
    }
  }

  // Accents and other marks come apart from their letters (NFD) and are dropped as non-letters.
  static String surnameLetters(String surname) {
    String letters = upperCaseLetters(surname).replaceAll("[^A-Z]", "");
    String consonants = letters.replaceAll("[AEIOU]", "");
    return (consonants + letters.replaceAll("[^AEIOU]", "") + "XXX").substring(0, 3);
  }

  static String nameLetters(String name) {
    String consonants = upperCaseLetters(name).replaceAll("[^A-Z]|[AEIOU]", "");
    return consonants.length() > 3
        ? consonants.substring(0, 1) + consonants.substring(2, 4)
        : surnameLetters(name);
  }

  private static String upperCaseLetters(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).toUpperCase(Locale.ROOT);
  }

  /**
   * Names as people write them: ASCII letters, apostrophes and spaces, with accented letters
   * (composed, or as a letter and a combining mark), letters that change length in upper case, and
   * characters outside the Basic Multilingual Plane (surrogate pairs), none of which count.
   */
  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> asciiLetter =
        Arbitraries.strings()
            .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' ")
            .ofLength(1);
    Arbitrary<String> otherLetter =
        Arbitraries.of(
            "À",
            "È",
            "É",
            "Ì",
            "Ò",
            "Ù",
            "à",
            "è",
            "é",
            "ì",
            "ò",
            "ù",
            "Ç",
            "ñ",
            "ü",
            "Å",
            "ø",
            "e\u0301",
            "o\u0300",
            "\u0301",
            "\u0327",
            "ß",
            "ı",
            "İ",
            "ﬁ",
            "\u00a0",
            "\uD835\uDC00",
            "\uD835\uDD04",
            "\uD83D\uDE00",
            "\uD840\uDC00");
    return Arbitraries.frequencyOf(Tuple.of(4, asciiLetter), Tuple.of(1, otherLetter))
        .list()
        .ofMaxSize(24)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<Person> people() {
    Arbitrary<String> names = names();
    Arbitrary<LocalDate> birthDates =
        Dates.dates().between(LocalDate.of(1900, 1, 1), LocalDate.of(2099, 12, 31));
    Arbitrary<String> places =
        Combinators.combine(
                Arbitraries.chars().range('A', 'Z'), Arbitraries.integers().between(0, 999))
            .as((letter, number) -> letter + String.format(Locale.ROOT, "%03d", number));
    return Combinators.combine(
            names,
            names,
            birthDates,
            Arbitraries.of(Sex.class),
            places,
            Arbitraries.integers().between(0, 7))
        .as(Person::new);
  }

  @Property
  void aCodeMadeFromAPersonIsReadBackAsThatPerson(@ForAll("people") Person person) {
    CodiceFiscale code =
        CodiceFiscale.parse(person.code()).getOrElseThrow(r -> new AssertionError(r.toString()));

    assertThat(code.value()).isEqualTo(person.code());
    assertThat(code.surnameCode()).isEqualTo(CodiceFiscale.surnameCode(person.surname()));
    assertThat(code.nameCode()).isEqualTo(CodiceFiscale.nameCode(person.name()));
    assertThat(code.agreesWithBirthDate(person.birthDate())).isTrue();
    assertThat(code.sex()).isEqualTo(person.sex());
    assertThat(code.placeCode()).isEqualTo(person.placeCode());
  }

  /** The comparison without copies answers as comparing the letters as strings does. */
  @Property
  void aCodeAgreesWithANameExactlyWhenTheirLettersAreEqual(
      @ForAll("people") Person person, @ForAll("people") Person other) {
    CodiceFiscale code =
        CodiceFiscale.parse(person.code()).getOrElseThrow(r -> new AssertionError(r.toString()));

    for (String text : new String[] {person.surname(), person.name(), other.surname()}) {
      assertThat(code.agreesWithSurname(text))
          .isEqualTo(CodiceFiscale.surnameCode(text).equals(code.surnameCode()));
      assertThat(code.agreesWithName(text))
          .isEqualTo(CodiceFiscale.nameCode(text).equals(code.nameCode()));
    }
    assertThat(code.agreesWithSurname(person.surname())).isTrue();
    assertThat(code.agreesWithName(person.name())).isTrue();
  }

  /** Any text at all, lone surrogates and control characters included, gives the same letters. */
  @Property(tries = 2000)
  void surnameAndNameCodesAreThoseOfTheFormerRoutine(
      @ForAll("names") String name, @ForAll String anyText) {
    for (String text : new String[] {name, anyText}) {
      assertThat(CodiceFiscale.surnameCode(text)).isEqualTo(ReferenceLetterCodes.surnameCode(text));
      assertThat(CodiceFiscale.nameCode(text)).isEqualTo(ReferenceLetterCodes.nameCode(text));
    }
  }

  @Property
  void surnameAndNameCodesFollowTheOfficialRule(@ForAll("people") Person person) {
    assertThat(CodiceFiscale.surnameCode(person.surname()))
        .isEqualTo(surnameLetters(person.surname()));
    assertThat(CodiceFiscale.nameCode(person.name())).isEqualTo(nameLetters(person.name()));
  }

  @Property
  void omocodiaDoesNotChangeWhatACodeSays(@ForAll("people") Person person) {
    Person withoutOmocodia =
        new Person(
            person.surname(),
            person.name(),
            person.birthDate(),
            person.sex(),
            person.placeCode(),
            0);

    CodiceFiscale plain = CodiceFiscale.parse(withoutOmocodia.code()).get();
    CodiceFiscale omocode = CodiceFiscale.parse(person.code()).get();

    assertThat(omocode).usingRecursiveComparison().ignoringFields("value").isEqualTo(plain);
  }

  /**
   * Every symbol a position allows has its own worth in the check sum (letters among letters,
   * digits and omocodia letters among each other, in both tables), and every worth is below 26. So
   * replacing one character either breaks the structure or shifts the sum by 1 to 25 modulo 26,
   * which changes the check character: no single change can yield another valid code.
   */
  @Property
  void everySingleCharacterChangeIsRefused(
      @ForAll("people") Person person,
      @ForAll @IntRange(max = 15) int position,
      @ForAll @CharRange(from = 'A', to = 'Z') @NumericChars char replacement) {
    String code = person.code();
    Assume.that(code.charAt(position) != replacement);
    String changed = code.substring(0, position) + replacement + code.substring(position + 1);

    assertThat(CodiceFiscale.parse(changed).isLeft()).isTrue();
  }

  @Property
  void caseAndBlanksDoNotChangeTheReading(@ForAll("people") Person person) {
    String code = person.code();
    String typed =
        " " + code.substring(0, 6).toLowerCase(Locale.ROOT) + " " + code.substring(6) + " ";

    assertThat(CodiceFiscale.parse(typed)).isEqualTo(CodiceFiscale.parse(code));
  }
}
