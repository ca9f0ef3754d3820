package dev.sportello.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ViolationTest {

  @Test
  void aGeneralViolationHasNoLabel() {
    assertThat(Violation.general("extras", "unknown_extra", "no such extra"))
        .isEqualTo(new Violation("extras", "", "unknown_extra", "no such extra"));
  }

  @Test
  void aFieldViolationKeepsItsLabel() {
    assertThat(new Violation("$4", "Codice Fiscale", "required", "a value is required").label())
        .isEqualTo("Codice Fiscale");
  }

  @ParameterizedTest(name = "subject ''{0}'', code ''{1}'', message ''{2}''")
  @CsvSource({"' ', required, a message", "$1, ' ', a message", "$1, required, ' '"})
  void aViolationNeedsASubjectACodeAndAMessage(String subject, String code, String message) {
    assertThatThrownBy(() -> new Violation(subject, "", code, message))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
