package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.GetSpendingUseCase.SpendingFigures;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpendingRouteTest {
  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aCallerReadsItsOwnFiguresForTheDayAndTheMonth() {
    when(api.spending.spending("alice"))
        .thenReturn(
            Either.right(
                List.of(
                    new SpendingFigures(
                        SpendingPeriod.DAY,
                        Option.some(Money.ofCents(5000)),
                        Money.ofCents(1208),
                        Option.some(Money.ofCents(3792)),
                        Instant.parse("2025-03-01T23:00:00Z")),
                    new SpendingFigures(
                        SpendingPeriod.MONTH,
                        Option.none(),
                        Money.ofCents(1208),
                        Option.none(),
                        Instant.parse("2025-03-31T22:00:00Z")))));

    var reply = api.get("/api/v1/spending");

    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    var day = json.get("periods").get(0);
    assertThat(day.get("period").asString()).isEqualTo("day");
    assertThat(day.get("cap").get("cents").asLong()).isEqualTo(5000);
    assertThat(day.get("cap").get("euros").asString()).isEqualTo("50.00");
    assertThat(day.get("cap").get("currency").asString()).isEqualTo("EUR");
    assertThat(day.get("spent").get("euros").asString()).isEqualTo("12.08");
    assertThat(day.get("remaining").get("euros").asString()).isEqualTo("37.92");
    assertThat(day.get("resetsAt").asString()).isEqualTo("2025-03-01T23:00:00Z");
    var month = json.get("periods").get(1);
    assertThat(month.get("period").asString()).isEqualTo("month");
    assertThat(month.get("cap").isNull()).isTrue();
    assertThat(month.get("remaining").isNull()).isTrue();
    assertThat(month.get("spent").get("euros").asString()).isEqualTo("12.08");
  }

  @Test
  void theFiguresAreAlwaysTheCallingCallers() {
    when(api.spending.spending("bob")).thenReturn(Either.right(List.empty()));

    var reply = api.send(api.as(Harness.BOB_KEY, "/api/v1/spending").GET());

    assertThat(reply.status()).isEqualTo(200);
    verify(api.spending).spending("bob");
  }

  @Test
  void withoutAKeyNothingIsTold() {
    var reply = api.send(api.as("not-a-key-at-all-00", "/api/v1/spending").GET());

    assertThat(reply.status()).isEqualTo(401);
  }
}
