package dev.sportello.domain.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.sportello.domain.shared.Violation;
import io.vavr.collection.HashSet;
import io.vavr.control.Validation;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSupportTest {

  @Nested
  class FieldKeys {
    @ParameterizedTest
    @ValueSource(ints = {0, 7, 999_999})
    void a_wire_key_is_read_as_its_index(int index) {
      assertThat(FieldKey.parse("$" + index)).isEqualTo(Validation.valid(FieldKey.of(index)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "$", "$01", "$1234567", "$-1", "$ 1", "$1a"})
    void a_malformed_key_is_refused(String wire) {
      assertThat(FieldKey.parse(wire).getError().code()).isEqualTo("malformed_key");
    }

    @Test
    void a_malformed_key_is_named_in_the_violation() {
      assertThat(FieldKey.parse("$x").getError())
          .isEqualTo(
              Violation.general(
                  "$x", "malformed_key", "field keys look like $0, $1, …; this one does not"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "$12345678901234567"})
    void a_blank_or_long_malformed_key_is_reported_against_the_values(String wire) {
      assertThat(FieldKey.parse(wire).getError().subject()).isEqualTo("values");
    }

    @Test
    void a_key_of_exactly_16_characters_is_named_in_the_violation() {
      assertThat(FieldKey.parse("$123456789012345").getError().subject())
          .isEqualTo("$123456789012345");
    }

    @Test
    void a_negative_index_is_a_bug() {
      assertThatIllegalArgumentException().isThrownBy(() -> FieldKey.of(-1));
    }

    @Test
    void keys_are_ordered_by_index_and_printed_with_a_dollar() {
      assertThat(FieldKey.of(2)).isLessThan(FieldKey.of(10));
      assertThat(FieldKey.of(10)).isGreaterThan(FieldKey.of(2));
      assertThat(FieldKey.of(3)).isEqualByComparingTo(FieldKey.of(3));
      assertThat(FieldKey.of(10)).hasToString("$10");
    }
  }

  @Nested
  class Policies {
    @Test
    void the_defaults_are_iso_dates_and_10_mb_of_pdf_png_or_jpeg() {
      ValuePolicy policy = ValuePolicy.defaults();

      assertThat(policy.dateWireFormat()).isEqualTo(DateWireFormat.ISO);
      assertThat(policy.maxFileBytes()).isEqualTo(10L * 1024 * 1024);
      assertThat(policy.allowedFileTypes())
          .containsExactlyInAnyOrder("application/pdf", "image/png", "image/jpeg");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void a_file_size_limit_below_one_byte_is_a_bug(long limit) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new ValuePolicy(DateWireFormat.ISO, limit, HashSet.empty()));
    }

    @Test
    void a_limit_of_one_byte_is_accepted() {
      assertThat(new ValuePolicy(DateWireFormat.ISO, 1, HashSet.empty()).maxFileBytes())
          .isEqualTo(1);
    }

    @Test
    void dates_are_written_in_the_chosen_wire_form() {
      LocalDate date = LocalDate.of(2024, 3, 9);

      assertThat(DateWireFormat.ISO.format(date)).isEqualTo("2024-03-09");
      assertThat(DateWireFormat.DAY_MONTH_YEAR.format(date)).isEqualTo("09-03-2024");
    }
  }

  @Nested
  class Rejections {
    @Test
    void a_rejection_holds_its_code_and_message() {
      Rejection rejection = new Rejection("email.domain", "why");

      assertThat(rejection.code()).isEqualTo("email.domain");
      assertThat(rejection.message()).isEqualTo("why");
    }

    @Test
    void a_rejection_without_code_or_message_is_a_bug() {
      assertThatNullPointerException().isThrownBy(() -> newRejection(null, "why"));
      assertThatNullPointerException().isThrownBy(() -> newRejection("code", null));
    }

    // Null is what this test is about; the compiler would rightly refuse it elsewhere.
    @SuppressWarnings("NullAway")
    private static Rejection newRejection(@Nullable String code, @Nullable String message) {
      return new Rejection(code, message);
    }
  }
}
