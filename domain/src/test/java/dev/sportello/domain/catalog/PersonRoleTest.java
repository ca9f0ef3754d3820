package dev.sportello.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The person's fields are found by label, ignoring case, accents and punctuation. */
class PersonRoleTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Data di Nascita:|data di nascita",
        "  Sèsso  |sesso",
        "Data-di_nascita|data di nascita",
        "COGNOME|cognome",
        "Città  di   nascita|citta di nascita"
      })
  void aLabelIsReadLowerCaseWithoutAccentsOrPunctuation(String label, String canonical) {
    assertThat(PersonRole.canonical(label)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"Cognome:|SURNAME", "Given name|NAME", "Data di Nascita|BIRTH_DATE", "Genere|SEX"})
  void aLabelNamesTheRoleItsFieldPlays(String label, PersonRole role) {
    assertThat(PersonRole.ofLabel(label)).containsExactly(role);
  }

  @ParameterizedTest
  @CsvSource({"Comune di nascita", "Codice fiscale", "''"})
  void anyOtherLabelPlaysNoRole(String label) {
    assertThat(PersonRole.ofLabel(label)).isEmpty();
  }
}
