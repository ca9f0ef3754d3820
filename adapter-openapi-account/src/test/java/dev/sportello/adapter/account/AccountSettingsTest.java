package dev.sportello.adapter.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.collection.List;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountSettingsTest {
  private static final List<String> SCOPES = List.of("GET:test.visengine2.altravia.com/visure");

  private static AccountSettings settings(List<String> scopes) {
    return AccountSettings.of(
        AccountSettings.TEST, SandboxAccount.EMAIL, SandboxAccount.API_KEY, scopes);
  }

  @Test
  void theHostsAreOpenapisOAuthService() {
    assertThat(AccountSettings.PRODUCTION).isEqualTo(URI.create("https://oauth.openapi.com"));
    assertThat(AccountSettings.TEST).isEqualTo(URI.create("https://test.oauth.openapi.com"));
  }

  @Test
  void byDefaultATokenIsNamedSportelloLivesAMonthAndIsRenewedADayBeforeItsEnd() {
    AccountSettings settings = settings(SCOPES);

    assertThat(settings.tokenName()).isEqualTo("Sportello");
    assertThat(settings.tokenTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.renewalMargin()).isEqualTo(Duration.ofDays(1));
    assertThat(settings.walletInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.walletWarning()).isEmpty();
  }

  @Test
  void neitherTheEmailNorTheApiKeyIsShown() {
    String shown = settings(SCOPES).withWalletWarning(new BigDecimal("25")).toString();

    assertThat(shown)
        .doesNotContain(SandboxAccount.EMAIL)
        .doesNotContain(SandboxAccount.API_KEY)
        .contains("test.oauth.openapi.com", "Sportello", "walletWarning=25");
  }

  @Test
  void aScopeIsNeverAWildcardAndAlwaysAMethodAHostAndASegment() {
    for (String scope :
        new String[] {
          "*:*.openapi.it/*",
          "GET:test.visengine2.altravia.com/*",
          "GET:*/visure",
          "visure",
          "GET:test.visengine2.altravia.com/richiesta/{id}"
        }) {
      assertThatThrownBy(() -> settings(List.of(scope)))
          .as(scope)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> settings(List.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scopesAreAskedForOnceEach() {
    assertThat(settings(SCOPES.appendAll(SCOPES)).scopes()).isEqualTo(SCOPES);
  }

  @Test
  void aTokenIsRenewedWithinItsLifeWhichIsAtMostAYear() {
    AccountSettings settings = settings(SCOPES);

    assertThatThrownBy(() -> settings.withTokenLife(Duration.ofHours(1), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.withTokenLife(Duration.ofDays(366), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.withTokenLife(Duration.ofDays(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void credentialsAreRequiredAndTheEmailHasNoColon() {
    assertThatThrownBy(
            () -> AccountSettings.of(AccountSettings.TEST, "a:b@example.org", "key", SCOPES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> AccountSettings.of(AccountSettings.TEST, SandboxAccount.EMAIL, " ", SCOPES))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
