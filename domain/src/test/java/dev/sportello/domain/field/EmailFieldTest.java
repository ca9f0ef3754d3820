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
  void the_domain_is_lower_cased_and_the_local_part_kept() {
    assertThat(EMAIL.normalise(" Mario.Rossi@Example.IT ", POLICY))
        .isEqualTo(Either.right("Mario.Rossi@example.it"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b.it", "mario+pec@posta.cert.example.it", "x@xn--80ak6aa92e.com"})
  void ordinary_addresses_are_accepted(String email) {
    assertThat(EMAIL.normalise(email, POLICY)).isEqualTo(Either.right(email));
  }

  @Test
  void an_address_of_exactly_254_characters_is_accepted() {
    String email = addressOfLength(254);

    assertThat(EMAIL.normalise(email, POLICY)).isEqualTo(Either.right(email));
  }

  @Test
  void an_address_of_255_characters_is_refused() {
    assertThat(rejectionCode(EMAIL.normalise(addressOfLength(255), POLICY)))
        .isEqualTo("email.too_long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mario rossi@example.it", "mario@exa\u00A0mple.it", "a\u0001@b.it"})
  void spaces_and_control_characters_inside_are_refused(String email) {
    assertThat(rejectionCode(EMAIL.normalise(email, POLICY))).isEqualTo("email.characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mario.example.it", "mario@rossi@example.it"})
  void an_address_without_exactly_one_at_sign_is_refused(String email) {
    assertThat(rejectionCode(EMAIL.normalise(email, POLICY))).isEqualTo("email.at_sign");
  }

  @Test
  void an_address_with_nothing_before_the_at_sign_is_refused() {
    assertThat(rejectionCode(EMAIL.normalise("@example.it", POLICY))).isEqualTo("email.local_part");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@", "a@example", "a@.example.it", "a@example.it.", "a@example..it", "a@."})
  void a_domain_without_dot_separated_names_is_refused(String email) {
    assertThat(rejectionCode(EMAIL.normalise(email, POLICY))).isEqualTo("email.domain");
  }
}
