package dev.sportello.domain.field;

import static dev.sportello.domain.field.Results.rejectionCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceCodesTest {
  private static final ValuePolicy POLICY = ValuePolicy.defaults();

  @Nested
  class MunicipalityCode {
    private final FieldType type = new FieldType.MunicipalityCode();

    @Test
    void a_code_is_trimmed_and_upper_cased() {
      assertThat(type.normalise(" h501 ", POLICY)).isEqualTo(Either.right("H501"));
    }

    @Test
    void a_foreign_state_code_is_accepted() {
      assertThat(type.normalise("Z404", POLICY)).isEqualTo(Either.right("Z404"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"H50", "H5011", "1501", "HH01", "H5O1", "H 501", "È501"})
    void anything_but_a_letter_and_three_digits_is_refused(String code) {
      assertThat(rejectionCode(type.normalise(code, POLICY))).isEqualTo("municipality_code.format");
    }
  }

  @Nested
  class ProvinceCode {
    private final FieldType type = new FieldType.ProvinceCode();

    @Test
    void a_code_is_trimmed_and_upper_cased() {
      assertThat(type.normalise(" rm ", POLICY)).isEqualTo(Either.right("RM"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AG", "AO", "BT", "BZ", "FC", "FM", "MB", "PU", "SU", "TN", "VV"})
    void codes_in_force_are_accepted(String code) {
      assertThat(type.normalise(code.toLowerCase(Locale.ROOT), POLICY))
          .isEqualTo(Either.right(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CI", "OG", "OT", "VS", "FO", "PS"})
    void codes_registries_still_file_records_under_are_accepted(String code) {
      assertThat(type.normalise(code, POLICY)).isEqualTo(Either.right(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EE", "XX", "ZA", "FU", "PL", "RX"})
    void two_letters_that_name_no_province_are_refused(String code) {
      assertThat(rejectionCode(type.normalise(code, POLICY))).isEqualTo("province_code.unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"R", "RMA", "R1", "R M", "Roma"})
    void anything_but_two_letters_is_refused(String code) {
      assertThat(rejectionCode(type.normalise(code, POLICY))).isEqualTo("province_code.format");
    }
  }
}
