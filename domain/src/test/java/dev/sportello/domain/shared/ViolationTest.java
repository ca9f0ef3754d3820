package dev.sportello.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ViolationTest {

  @Test
  void a_general_violation_has_no_label() {
    assertThat(Violation.general("extras", "unknown_extra", "no such extra"))
        .isEqualTo(new Violation("extras", "", "unknown_extra", "no such extra"));
  }

  @Test
  void a_field_violation_keeps_its_label() {
    assertThat(new Violation("$4", "Codice Fiscale", "required", "a value is required").label())
        .isEqualTo("Codice Fiscale");
  }

  @ParameterizedTest(name = "subject ''{0}'', code ''{1}'', message ''{2}''")
  @CsvSource({"' ', required, a message", "$1, ' ', a message", "$1, required, ' '"})
  void a_violation_needs_a_subject_a_code_and_a_message(
      String subject, String code, String message) {
    assertThatThrownBy(() -> new Violation(subject, "", code, message))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
