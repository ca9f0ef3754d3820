package dev.sportello.adapter.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  private record Answer(
      @Nullable String data,
      @Nullable Boolean success,
      @Nullable String message,
      @Nullable String error)
      implements Envelope<String> {}

  @Test
  void theVerdictDecidesWhenThereIsOne() {
    assertThat(new Answer("x", false, "no", null).failed()).isTrue();
    assertThat(new Answer(null, true, "", null).failed()).isFalse();
  }

  @Test
  void withoutAVerdictDataWithoutAnErrorCodeIsSuccess() {
    assertThat(new Answer("x", null, null, null).failed()).isFalse();
    assertThat(new Answer("x", null, null, " ").failed()).isFalse();
    assertThat(new Answer("x", null, null, "221").failed()).isTrue();
    assertThat(new Answer(null, null, null, null).failed()).isTrue();
  }
}
