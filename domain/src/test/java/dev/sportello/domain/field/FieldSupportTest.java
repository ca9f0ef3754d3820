package dev.sportello.domain.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.sportello.domain.shared.Violation;
import io.vavr.collection.HashSet;
import io.vavr.control.Validation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSupportTest {

  @Nested
  class FieldKeys {
    @ParameterizedTest
    @ValueSource(strings = {"$0", "$999999", "field0", "reaCode", "a.b-c_d"})
    void a_key_as_an_engine_publishes_it_is_read_as_it_is(String text) {
      assertThat(FieldKey.parse(text)).isEqualTo(Validation.valid(new FieldKey(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "$ 1", "$1\n", "nome?", "field0&&field1", "città"})
    void a_malformed_key_is_refused(String text) {
      assertThat(FieldKey.parse(text).getError().code()).isEqualTo("malformed_key");
    }

    @Test
    void a_malformed_key_is_named_in_the_violation() {
      assertThat(FieldKey.parse("$ x").getError())
          .isEqualTo(
              Violation.general(
                  "$ x",
                  "malformed_key",
                  "a field key is 1 to 64 letters, digits, '$', '_', '-' or '.'; this one is not"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void a_blank_key_is_reported_against_the_values(String text) {
      assertThat(FieldKey.parse(text).getError().subject()).isEqualTo("values");
    }

    @Test
    void a_key_longer_than_64_characters_is_refused_and_reported_against_the_values() {
      assertThat(FieldKey.parse("f".repeat(64)).isValid()).isTrue();
      assertThat(FieldKey.parse("f".repeat(65)).getError().subject()).isEqualTo("values");
    }

    @Test
    void a_malformed_key_built_in_code_is_a_bug() {
      assertThatIllegalArgumentException().isThrownBy(() -> new FieldKey("$ 1"));
    }

    @Test
    void keys_are_ordered_with_numbers_by_their_value_and_printed_as_published() {
      assertThat(new FieldKey("$2")).isLessThan(new FieldKey("$10"));
      assertThat(new FieldKey("$10")).isGreaterThan(new FieldKey("$2"));
      assertThat(new FieldKey("field2")).isLessThan(new FieldKey("field10"));
      assertThat(new FieldKey("$3")).isEqualByComparingTo(new FieldKey("$3"));
      assertThat(new FieldKey("$10")).hasToString("$10");
    }

    @Test
    void keys_equal_in_value_but_not_in_text_still_have_an_order() {
      assertThat(new FieldKey("$07")).isLessThan(new FieldKey("$7"));
      assertThat(new FieldKey("$7")).isGreaterThan(new FieldKey("$07"));
    }
  }

  @Nested
  class Policies {
    @Test
    void the_defaults_are_10_mb_of_pdf_png_or_jpeg() {
      ValuePolicy policy = ValuePolicy.defaults();

      assertThat(policy.maxFileBytes()).isEqualTo(10L * 1024 * 1024);
      assertThat(policy.allowedFileTypes())
          .containsExactlyInAnyOrder("application/pdf", "image/png", "image/jpeg");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void a_file_size_limit_below_one_byte_is_a_bug(long limit) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new ValuePolicy(limit, HashSet.empty()));
    }

    @Test
    void a_limit_of_one_byte_is_accepted() {
      assertThat(new ValuePolicy(1, HashSet.empty()).maxFileBytes()).isEqualTo(1);
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
