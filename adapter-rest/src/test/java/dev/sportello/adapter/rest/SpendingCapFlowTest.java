package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spending caps through the adapter over the application wired to its fakes: Alice may spend 20.00
 * EUR a day, and each order costs 12.20 EUR with VAT.
 */
class SpendingCapFlowTest {
  private final TestApplication app =
      TestApplication.builder().spendingCaps("alice=20/day").build();
  private final Certificate certificate = TestData.certificate();
  private final Harness.Served api;

  SpendingCapFlowTest() {
    app.visengine().register(certificate);
    api = Harness.serve(app.useCases());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Harness.Reply submit(String key, String idempotencyKey) {
    return api.call(
        key,
        "POST",
        "/api/v1/requests",
        "{\"certificateId\": \"" + certificate.id().value() + "\", \"values\": {\"$0\": \"x\"}}",
        "Idempotency-Key",
        idempotencyKey);
  }

  @Test
  void anOrderOverTheCapIsRefusedWithTheCapWhatWasSpentAndWhenItResets() {
    assertThat(submit(Harness.ALICE_KEY, "k1").status()).isEqualTo(202);
    long calls = app.calls().total();

    var refused = submit(Harness.ALICE_KEY, "k2");

    assertThat(refused.status()).isEqualTo(402);
    assertThat(refused.header("Retry-After")).isEqualTo(Long.toString(14 * 3600));
    var problem = refused.json();
    assertThat(problem.get("code").asString()).isEqualTo("spending_cap_reached");
    assertThat(problem.get("detail").asString())
        .contains("20.00 EUR per day", "12.20 EUR spent", "2025-03-01T23:00:00Z");
    assertThat(problem.get("cap").get("euros").asString()).isEqualTo("20.00");
    assertThat(problem.get("spent").get("euros").asString()).isEqualTo("12.20");
    assertThat(problem.get("resetsAt").asString()).isEqualTo("2025-03-01T23:00:00Z");
    assertThat(app.calls().total()).isEqualTo(calls);
  }

  @Test
  void eachCallerSeesOnlyItsOwnSpending() {
    submit(Harness.ALICE_KEY, "k1");

    var alice = api.call(Harness.ALICE_KEY, "GET", "/api/v1/spending", "").json();
    var bob = api.call(Harness.BOB_KEY, "GET", "/api/v1/spending", "").json();

    assertThat(alice.get("periods").get(0).get("spent").get("euros").asString()).isEqualTo("12.20");
    assertThat(alice.get("periods").get(0).get("remaining").get("euros").asString())
        .isEqualTo("7.80");
    assertThat(bob.get("periods").get(0).get("spent").get("euros").asString()).isEqualTo("0.00");
    assertThat(bob.get("periods").get(0).get("cap").isNull()).isTrue();
  }
}
