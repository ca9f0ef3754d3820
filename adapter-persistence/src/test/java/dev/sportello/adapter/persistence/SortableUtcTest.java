package dev.sportello.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SortableUtcTest {
  @Test
  void theStoredFormReadsAsTheInstantItWasWrittenFrom() {
    for (String text :
        new String[] {
          "2025-03-01T09:00:00.000000Z",
          "1999-12-31T23:59:59.999999Z",
          "2026-02-28T00:00:00.000001Z"
        }) {
      assertThat(Dialect.sortableUtc(text)).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void anyOtherFormOfAnInstantStillReads() {
    assertThat(Dialect.sortableUtc("2025-03-01T09:00:00Z"))
        .isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
    assertThat(Dialect.sortableUtc("2025-03-01T09:00:00.123Z"))
        .isEqualTo(Instant.parse("2025-03-01T09:00:00.123Z"));
  }

  @Test
  void textThatIsNoInstantIsRefused() {
    assertThatThrownBy(() -> Dialect.sortableUtc("2025-02-30T09:00:00.000000Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Dialect.sortableUtc("2025-03-01T09:0x:00.000000Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Dialect.sortableUtc("2025-03-01 09:00:00.000000Z"))
        .isInstanceOf(DateTimeException.class);
  }
}
