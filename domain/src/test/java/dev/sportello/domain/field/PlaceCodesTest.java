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
    void aCodeIsTrimmedAndUpperCased() {
      assertThat(type.normalise(" h501 ", POLICY)).isEqualTo(Either.right("H501"));
    }

    @Test
    void aForeignStateCodeIsAccepted() {
      assertThat(type.normalise("Z404", POLICY)).isEqualTo(Either.right("Z404"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"H50", "H5011", "1501", "HH01", "H5O1", "H 501", "È501"})
    void anythingButALetterAndThreeDigitsIsRefused(String code) {
      assertThat(rejectionCode(type.normalise(code, POLICY))).isEqualTo("municipality_code.format");
    }
  }

  @Nested
  class ProvinceCode {
    private final FieldType type = new FieldType.ProvinceCode();

    @Test
    void aCodeIsTrimmedAndUpperCased() {
      assertThat(type.normalise(" rm ", POLICY)).isEqualTo(Either.right("RM"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AG", "AO", "BT", "BZ", "FC", "FM", "MB", "PU", "SU", "TN", "VV"})
    void codesInForceAreAccepted(String code) {
      assertThat(type.normalise(code.toLowerCase(Locale.ROOT), POLICY))
          .isEqualTo(Either.right(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CI", "OG", "OT", "VS", "FO", "PS"})
    void codesRegistriesStillFileRecordsUnderAreAccepted(String code) {
      assertThat(type.normalise(code, POLICY)).isEqualTo(Either.right(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EE", "XX", "ZA", "FU", "PL", "RX"})
    void twoLettersThatNameNoProvinceAreRefused(String code) {
      assertThat(rejectionCode(type.normalise(code, POLICY))).isEqualTo("province_code.unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"R", "RMA", "R1", "R M", "Roma"})
    void anythingButTwoLettersIsRefused(String code) {
      assertThat(rejectionCode(type.normalise(code, POLICY))).isEqualTo("province_code.format");
    }
  }
}
