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
    void aKeyAsAnEnginePublishesItIsReadAsItIs(String text) {
      assertThat(FieldKey.parse(text)).isEqualTo(Validation.valid(new FieldKey(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "$ 1", "$1\n", "nome?", "field0&&field1", "città"})
    void aMalformedKeyIsRefused(String text) {
      assertThat(FieldKey.parse(text).getError().code()).isEqualTo("malformed_key");
    }

    @Test
    void aMalformedKeyIsNamedInTheViolation() {
      assertThat(FieldKey.parse("$ x").getError())
          .isEqualTo(
              Violation.general(
                  "$ x",
                  "malformed_key",
                  "a field key is 1 to 64 letters, digits, '$', '_', '-' or '.'; this one is not"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankKeyIsReportedAgainstTheValues(String text) {
      assertThat(FieldKey.parse(text).getError().subject()).isEqualTo("values");
    }

    @Test
    void aKeyLongerThan64CharactersIsRefusedAndReportedAgainstTheValues() {
      assertThat(FieldKey.parse("f".repeat(64)).isValid()).isTrue();
      assertThat(FieldKey.parse("f".repeat(65)).getError().subject()).isEqualTo("values");
    }

    @Test
    void aMalformedKeyBuiltInCodeIsABug() {
      assertThatIllegalArgumentException().isThrownBy(() -> new FieldKey("$ 1"));
    }

    @Test
    void keysAreOrderedWithNumbersByTheirValueAndPrintedAsPublished() {
      assertThat(new FieldKey("$2")).isLessThan(new FieldKey("$10"));
      assertThat(new FieldKey("$10")).isGreaterThan(new FieldKey("$2"));
      assertThat(new FieldKey("field2")).isLessThan(new FieldKey("field10"));
      assertThat(new FieldKey("$3")).isEqualByComparingTo(new FieldKey("$3"));
      assertThat(new FieldKey("$10")).hasToString("$10");
    }

    @Test
    void keysEqualInValueButNotInTextStillHaveAnOrder() {
      assertThat(new FieldKey("$07")).isLessThan(new FieldKey("$7"));
      assertThat(new FieldKey("$7")).isGreaterThan(new FieldKey("$07"));
    }
  }

  @Nested
  class Policies {
    @Test
    void theDefaultsAre10MbOfPdfPngOrJpeg() {
      ValuePolicy policy = ValuePolicy.defaults();

      assertThat(policy.maxFileBytes()).isEqualTo(10L * 1024 * 1024);
      assertThat(policy.allowedFileTypes())
          .containsExactlyInAnyOrder("application/pdf", "image/png", "image/jpeg");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void aFileSizeLimitBelowOneByteIsABug(long limit) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new ValuePolicy(limit, HashSet.empty()));
    }

    @Test
    void aLimitOfOneByteIsAccepted() {
      assertThat(new ValuePolicy(1, HashSet.empty()).maxFileBytes()).isEqualTo(1);
    }
  }

  @Nested
  class Rejections {
    @Test
    void aRejectionHoldsItsCodeAndMessage() {
      Rejection rejection = new Rejection("email.domain", "why");

      assertThat(rejection.code()).isEqualTo("email.domain");
      assertThat(rejection.message()).isEqualTo("why");
    }

    @Test
    void aRejectionWithoutCodeOrMessageIsABug() {
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
