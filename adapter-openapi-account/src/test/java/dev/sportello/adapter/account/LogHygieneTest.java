package dev.sportello.adapter.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Neither the e-mail address, the API key nor any token reaches a log line, DEBUG included. */
class LogHygieneTest {
  private final SandboxAccount upstream = new SandboxAccount();

  @AfterEach
  void stopUpstream() {
    upstream.close();
  }

  @Test
  void aWholeMintRenewRefuseCycleLogsNoCredentialAndNoToken() throws Exception {
    AccountSettings hourly =
        upstream
            .settings()
            .withTokenLife(Duration.ofHours(1), Duration.ofMinutes(10))
            .withWalletWarning(upstream.sandbox.balance().add(java.math.BigDecimal.ONE));
    WatchedCredentialStore store = new WatchedCredentialStore();
    CountingOAuth oauth = upstream.oauth(hourly);
    List<String> tokens = new ArrayList<>();
    List<String> lines;
    try (CapturedLogs logs = new CapturedLogs();
        OpenapiAccount account = upstream.account(hourly, store, oauth)) {
      tokens.add(account.token().current().get());
      upstream.sandbox.advance(Duration.ofMinutes(55));
      tokens.add(account.token().current().get());
      upstream.sandbox.expireToken(tokens.getLast());
      account.token().refused(tokens.getLast());
      tokens.add(account.token().current().get());
      upstream.sandbox.expireToken(tokens.getLast());
      account.token().refused(tokens.getLast());
      oauth.deletionsFail.set(true);
      upstream.sandbox.advance(ManagedToken.MINT_PAUSE.plusSeconds(1));
      account.token().refused(tokens.getLast());
      tokens.add(account.token().current().get());
      account.readWallet();
      account.tokens();
      account.status();
      lines = logs.lines();
    }

    String basic =
        Base64.getEncoder()
            .encodeToString(
                (SandboxAccount.EMAIL + ":" + SandboxAccount.API_KEY)
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(tokens).doesNotHaveDuplicates().hasSize(4);
    assertThat(lines)
        .anyMatch(line -> line.contains("Minted the Openapi token"))
        .anyMatch(line -> line.contains("refused too"))
        .anyMatch(line -> line.contains("Could not delete"))
        .anyMatch(line -> line.contains("below the warning threshold"));
    for (String secret : secrets(tokens, basic)) {
      assertThat(lines).noneMatch(line -> line.contains(secret));
    }
  }

  private static List<String> secrets(List<String> tokens, String basic) {
    List<String> secrets = new ArrayList<>(tokens);
    secrets.add(SandboxAccount.EMAIL);
    secrets.add(SandboxAccount.API_KEY);
    secrets.add(basic);
    return secrets;
  }
}
