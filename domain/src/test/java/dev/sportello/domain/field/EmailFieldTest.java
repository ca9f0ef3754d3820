package dev.sportello.domain.field;

import static dev.sportello.domain.field.Results.rejectionCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailFieldTest {
  private static final FieldType EMAIL = new FieldType.Email();
  private static final ValuePolicy POLICY = ValuePolicy.defaults();

  private static String addressOfLength(int length) {
    String domain = "@example.it";
    return "a".repeat(length - domain.length()) + domain;
  }

  @Test
  void theDomainIsLowerCasedAndTheLocalPartKept() {
    assertThat(EMAIL.normalise(" Mario.Rossi@Example.IT ", POLICY))
        .isEqualTo(Either.right("Mario.Rossi@example.it"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b.it", "mario+pec@posta.cert.example.it", "x@xn--80ak6aa92e.com"})
  void ordinaryAddressesAreAccepted(String email) {
    assertThat(EMAIL.normalise(email, POLICY)).isEqualTo(Either.right(email));
  }

  @Test
  void anAddressOfExactly254CharactersIsAccepted() {
    String email = addressOfLength(254);

    assertThat(EMAIL.normalise(email, POLICY)).isEqualTo(Either.right(email));
  }

  @Test
  void anAddressOf255CharactersIsRefused() {
    assertThat(rejectionCode(EMAIL.normalise(addressOfLength(255), POLICY)))
        .isEqualTo("email.too_long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mario rossi@example.it", "mario@exa\u00A0mple.it", "a\u0001@b.it"})
  void spacesAndControlCharactersInsideAreRefused(String email) {
    assertThat(rejectionCode(EMAIL.normalise(email, POLICY))).isEqualTo("email.characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mario.example.it", "mario@rossi@example.it"})
  void anAddressWithoutExactlyOneAtSignIsRefused(String email) {
    assertThat(rejectionCode(EMAIL.normalise(email, POLICY))).isEqualTo("email.at_sign");
  }

  @Test
  void anAddressWithNothingBeforeTheAtSignIsRefused() {
    assertThat(rejectionCode(EMAIL.normalise("@example.it", POLICY))).isEqualTo("email.local_part");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@", "a@example", "a@.example.it", "a@example.it.", "a@example..it", "a@."})
  void aDomainWithoutDotSeparatedNamesIsRefused(String email) {
    assertThat(rejectionCode(EMAIL.normalise(email, POLICY))).isEqualTo("email.domain");
  }
}
