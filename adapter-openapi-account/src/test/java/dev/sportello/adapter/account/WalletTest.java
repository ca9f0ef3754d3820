package dev.sportello.adapter.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wallet's balance, against the sandbox's OAuth service. */
class WalletTest {
  private final SandboxAccount upstream = new SandboxAccount();
  private final AccountSettings settings =
      upstream.settings().withWalletInterval(Duration.ofHours(1));
  private final CountingOAuth oauth = upstream.oauth(settings);

  @AfterEach
  void stopUpstream() {
    upstream.close();
  }

  private OpenapiAccount account(AccountSettings accountSettings) {
    return upstream.account(accountSettings, new WatchedCredentialStore(), oauth);
  }

  private static boolean shows(OpenapiAccount account, BigDecimal euros) {
    return account.status().wallet().exists(balance -> balance.euros().compareTo(euros) == 0);
  }

  @Test
  void theBalanceIsReadInTheBackgroundWhenAskedForAndToldWithWhenItWasRead() throws Exception {
    try (OpenapiAccount account = account(settings)) {
      Await.until("the balance is read", () -> shows(account, upstream.sandbox.balance()));

      assertThat(account.status().wallet().get().readAt())
          .isBeforeOrEqualTo(upstream.clock.instant());
      assertThat(oauth.credits).hasValue(1);
    }
  }

  @Test
  void theBalanceIsReadAtMostOnceAnIntervalWhenAskedFor() throws Exception {
    try (OpenapiAccount account = account(settings)) {
      Await.until("the balance is read", () -> account.status().wallet().isDefined());
      for (int asked = 0; asked < 5; asked++) {
        account.status();
      }

      upstream.sandbox.advance(Duration.ofHours(1));
      account.status();

      Await.until("the balance is read again", () -> oauth.credits.get() == 2);
    }
  }

  @Test
  void aBurstOfChargesIsFollowedByOneReadOfTheNewBalance() throws Exception {
    try (OpenapiAccount account = account(settings)) {
      assertThat(account.readWallet().isRight()).isTrue();
      BigDecimal spent = new BigDecimal("9876.54");
      upstream.sandbox.setBalance(spent);

      for (int charge = 0; charge < 10; charge++) {
        account.charged();
      }

      Await.until("the new balance is read", () -> shows(account, spent));
      assertThat(oauth.credits).hasValue(2);
    }
  }

  @Test
  void aBalanceBelowTheThresholdIsWarnedOnceAndAgainOnlyAfterRisingAboveIt() {
    try (OpenapiAccount account = account(settings.withWalletWarning(new BigDecimal("50")));
        CapturedLogs logs = new CapturedLogs()) {
      for (String euros : new String[] {"40", "30", "60", "20"}) {
        upstream.sandbox.setBalance(new BigDecimal(euros));
        assertThat(account.readWallet().isRight()).isTrue();
      }

      assertThat(logs.lines().stream().filter(line -> line.startsWith("WARN The Openapi wallet")))
          .hasSize(2)
          .allMatch(line -> line.contains("below the warning threshold of 50 €"))
          .anyMatch(line -> line.contains("holds 40 €"))
          .anyMatch(line -> line.contains("holds 20 €"));
    }
  }

  @Test
  void aWalletThatCannotBeReadIsAFailureAndNoBalance() {
    AccountSettings stopped = settings.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1));
    upstream.sandbox.close();
    try (OpenapiAccount account = account(stopped)) {

      assertThat(account.readWallet().isLeft()).isTrue();
      assertThat(account.status().wallet()).isEmpty();
    }
  }
}
