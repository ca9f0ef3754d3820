package dev.sportello.adapter.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token kept for the engines, against the sandbox's OAuth service and engines. */
class ManagedTokenTest {
  private final SandboxAccount upstream = new SandboxAccount();
  private final WatchedCredentialStore store = new WatchedCredentialStore();

  @AfterEach
  void stopUpstream() {
    upstream.close();
  }

  /** Tokens that live an hour and are replaced in their last ten minutes. */
  private AccountSettings hourly() {
    return upstream.settings().withTokenLife(Duration.ofHours(1), Duration.ofMinutes(10));
  }

  private static String token(OpenapiAccount account) {
    return account.token().current().get();
  }

  private static List<AccountToken> listed(OpenapiAccount account) {
    return account.tokens().get();
  }

  @Test
  void theFirstCallMintsATokenWithExactlyTheWantedScopesUnderItsNameAndKeepsIt() throws Exception {
    try (OpenapiAccount account = upstream.account(store)) {
      String token = token(account);

      assertThat(store.secret()).isEqualTo(token);
      assertThat(listed(account))
          .singleElement()
          .satisfies(minted -> {
            assertThat(minted.label()).isEqualTo("Sportello");
            assertThat(minted.scopes()).containsExactlyInAnyOrderElementsOf(SandboxAccount.SCOPES);
            assertThat(minted.inUse()).isTrue();
          });
      assertThat(upstream.catalogueStatus(token)).isEqualTo(200);
      assertThat(upstream.engineStatus("/documents", token))
          .as("no DocuEngine scope")
          .isEqualTo(403);
    }
  }

  @Test
  void theTokenIsNamedAsTheSettingsSay() {
    AccountSettings named = upstream.settings().withTokenName("Sportello studio Rossi");
    try (OpenapiAccount account = upstream.account(named, store, upstream.oauth(named))) {
      token(account);

      assertThat(listed(account).map(AccountToken::label))
          .containsExactly("Sportello studio Rossi");
      assertThat(account.status().tokenLabel()).isEqualTo("Sportello studio Rossi");
    }
  }

  @Test
  void aKeptTokenIsUsedWithoutMintingAnother() {
    CountingOAuth oauth = upstream.oauth(upstream.settings());
    String first;
    try (OpenapiAccount account = upstream.account(upstream.settings(), store, oauth)) {
      first = token(account);
    }

    try (OpenapiAccount restarted = upstream.account(upstream.settings(), store, oauth)) {
      assertThat(token(restarted)).isEqualTo(first);
    }
    assertThat(oauth.mints).hasValue(1);
  }

  @Test
  void theTokenIsKeptUnderAFingerprintOfTheServiceTheAccountAndTheScopes() {
    AccountSettings base = upstream.settings();
    String name = ManagedToken.storeName(base);

    assertThat(name).matches("openapi:[0-9a-f]{16}").doesNotContain(base.email());
    assertThat(
            ManagedToken.storeName(
                AccountSettings.of(
                    base.baseUrl(), base.email(), "another-key", SandboxAccount.SCOPES.reverse())))
        .as("the same account and wants")
        .isEqualTo(name);
    assertThat(
            ManagedToken.storeName(
                AccountSettings.of(
                    base.baseUrl(), "altro@studio-rossi.example", base.apiKey(), base.scopes())))
        .isNotEqualTo(name);
    assertThat(
            ManagedToken.storeName(
                AccountSettings.of(
                    AccountSettings.TEST, base.email(), base.apiKey(), base.scopes())))
        .isNotEqualTo(name);
    assertThat(
            ManagedToken.storeName(
                AccountSettings.of(
                    base.baseUrl(), base.email(), base.apiKey(), base.scopes().take(1))))
        .isNotEqualTo(name);
  }

  @Test
  void anInstanceWithOtherScopesKeepsATokenOfItsOwnAndLeavesTheOtherWorking() throws Exception {
    AccountSettings fewer = upstream.settings();
    fewer =
        AccountSettings.of(
            fewer.baseUrl(), fewer.email(), fewer.apiKey(), SandboxAccount.SCOPES.take(1));
    try (OpenapiAccount narrowInstance = upstream.account(fewer, store, upstream.oauth(fewer));
        OpenapiAccount wideInstance = upstream.account(store)) {
      String narrow = token(narrowInstance);
      String wide = token(wideInstance);

      assertThat(wide).isNotEqualTo(narrow);
      assertThat(token(narrowInstance)).isEqualTo(narrow);
      assertThat(upstream.catalogueStatus(narrow)).isEqualTo(200);
      assertThat(upstream.catalogueStatus(wide)).isEqualTo(200);
    }
  }

  @Test
  void aTokenWithinTheRenewalMarginIsReplacedOnUseAndTheOldOneDeleted() throws Exception {
    AccountSettings hourly = hourly();
    try (OpenapiAccount account = upstream.account(hourly, store, upstream.oauth(hourly))) {
      String first = token(account);
      upstream.sandbox.advance(Duration.ofMinutes(49));
      assertThat(token(account)).as("not yet within the margin").isEqualTo(first);

      upstream.sandbox.advance(Duration.ofMinutes(2));
      String renewed = token(account);

      assertThat(renewed).isNotEqualTo(first);
      assertThat(store.secret()).isEqualTo(renewed);
      assertThat(listed(account)).hasSize(1);
      assertThat(upstream.catalogueStatus(renewed)).isEqualTo(200);
      assertThat(account.status().tokenExpiresAt().get())
          .isAfter(upstream.sandbox.now().plus(Duration.ofMinutes(50)));
    }
  }

  @Test
  void aLifeShorterThanTheRenewalMarginIsUsedWithAWarningAndNotMintedAgainOnEveryCall() {
    AccountSettings hourly = hourly();
    CountingOAuth oauth = upstream.oauth(hourly);
    oauth.grantedLife.set(Option.some(Duration.ofMinutes(5)));
    try (OpenapiAccount account = upstream.account(hourly, store, oauth)) {
      String first = token(account);

      assertThat(token(account)).isEqualTo(first);
      assertThat(oauth.mints).hasValue(1);
      assertThat(account.status().warning().get()).contains("shorter than the renewal margin");
    }
  }

  @Test
  void aSchedulerRenewsADueTokenBeforeAnyCallAsksForIt() {
    AccountSettings hourly = hourly();
    try (OpenapiAccount account = upstream.account(hourly, store, upstream.oauth(hourly))) {
      String first = token(account);
      upstream.sandbox.advance(Duration.ofMinutes(55));

      account.renewIfDue();

      assertThat(store.secret()).isNotEqualTo(first);
    }
  }

  @Test
  void aRenewalThatFailsKeepsTheWorkingTokenAndWarnsWhyWithoutAProblem() {
    AccountSettings hourly = hourly();
    try (OpenapiAccount account = upstream.account(hourly, store, upstream.oauth(hourly))) {
      String first = token(account);
      upstream.sandbox.advance(Duration.ofMinutes(55));
      AccountSettings wrongKey = withApiKey(hourly, "an-old-revoked-key");
      try (OpenapiAccount other = upstream.account(wrongKey, store, upstream.oauth(wrongKey))) {

        assertThat(token(other)).isEqualTo(first);
        assertThat(other.status().warning().get()).contains("e-mail address and API key");
        assertThat(other.status().problem()).isEmpty();
      }
    }
  }

  @Test
  void aStoreThatCannotBeReadWhileTheTokenWorksIsAWarningUntilTheTokenExpires() {
    AccountSettings hourly = hourly();
    try (OpenapiAccount account = upstream.account(hourly, store, upstream.oauth(hourly))) {
      String first = token(account);
      upstream.sandbox.advance(Duration.ofMinutes(55));
      store.down.set(true);

      assertThat(token(account)).isEqualTo(first);
      assertThat(account.status().warning().get()).contains("credential store");
      assertThat(account.status().problem()).isEmpty();

      upstream.sandbox.advance(Duration.ofMinutes(6));

      assertThat(account.token().current().isLeft()).isTrue();
      assertThat(account.status().problem().get()).contains("credential store");
      assertThat(account.status().warning()).isEmpty();
    }
  }

  @Test
  void whileTheStoreIsDownTheWorkingTokenIsUsedAndTheStoreReadAgainOnlyAfterAMinute() {
    AccountSettings hourly = hourly();
    try (OpenapiAccount account = upstream.account(hourly, store, upstream.oauth(hourly))) {
      String first = token(account);
      upstream.sandbox.advance(Duration.ofMinutes(55));
      store.down.set(true);
      token(account);
      int finds = store.finds.get();

      for (int call = 0; call < 5; call++) {
        assertThat(token(account)).isEqualTo(first);
      }
      assertThat(store.finds).hasValue(finds);

      upstream.sandbox.advance(ManagedToken.MINT_PAUSE.plusSeconds(1));
      token(account);
      assertThat(store.finds.get()).isGreaterThan(finds);
    }
  }

  @Test
  void whileARenewalFailsTheWorkingTokenIsUsedAndTheStoreReadAgainOnlyAfterAMinute() {
    AccountSettings hourly = hourly();
    try (OpenapiAccount account = upstream.account(hourly, store, upstream.oauth(hourly))) {
      token(account);
      upstream.sandbox.advance(Duration.ofMinutes(55));
      AccountSettings wrongKey = withApiKey(hourly, "an-old-revoked-key");
      try (OpenapiAccount other = upstream.account(wrongKey, store, upstream.oauth(wrongKey))) {
        token(other);
        int finds = store.finds.get();

        for (int call = 0; call < 5; call++) {
          token(other);
        }
        assertThat(store.finds).hasValue(finds);

        upstream.sandbox.advance(ManagedToken.MINT_PAUSE.plusSeconds(1));
        token(other);
        assertThat(store.finds.get()).isGreaterThan(finds);
      }
    }
  }

  @Test
  void aTokenUpstreamRefusesIsReplacedOnceAndDeleted() throws Exception {
    try (OpenapiAccount account = upstream.account(store)) {
      String expired = token(account);
      upstream.sandbox.expireToken(expired);
      assertThat(upstream.catalogueStatus(expired)).isEqualTo(401);

      assertThat(account.token().refused(expired)).isTrue();
      String replacement = token(account);

      assertThat(replacement).isNotEqualTo(expired);
      assertThat(upstream.catalogueStatus(replacement)).isEqualTo(200);
      assertThat(listed(account)).hasSize(1);
      assertThat(account.status().problem()).isEmpty();
    }
  }

  @Test
  void aRefusalOfATokenAnotherInstanceReplacedAlreadyTakesTheirsWithoutMinting() {
    CountingOAuth oauth = upstream.oauth(upstream.settings());
    try (OpenapiAccount first = upstream.account(upstream.settings(), store, oauth);
        OpenapiAccount second = upstream.account(upstream.settings(), store, oauth)) {
      String expired = token(first);
      assertThat(token(second)).isEqualTo(expired);
      upstream.sandbox.expireToken(expired);

      assertThat(first.token().refused(expired)).isTrue();
      assertThat(second.token().refused(expired)).isTrue();

      assertThat(token(second)).isEqualTo(token(first)).isNotEqualTo(expired);
      assertThat(oauth.mints).hasValue(2);
    }
  }

  @Test
  void aRefusedReplacementThatAnotherInstanceReplacedAlreadyIsTakenWithoutAProblem() {
    try (OpenapiAccount first = upstream.account(store);
        OpenapiAccount second = upstream.account(store)) {
      String expired = token(first);
      upstream.sandbox.expireToken(expired);
      assertThat(first.token().refused(expired)).isTrue();
      String replacement = token(first);
      assertThat(token(second)).isEqualTo(replacement);
      upstream.sandbox.expireToken(replacement);
      assertThat(second.token().refused(replacement)).isTrue();

      assertThat(first.token().refused(replacement)).isTrue();

      assertThat(token(first)).isEqualTo(token(second)).isNotEqualTo(replacement);
      assertThat(first.status().problem()).isEmpty();
    }
  }

  @Test
  void aReplacementRefusedInTurnStopsTheReplacingTellsWhyAndIsTriedAgainAfterAMinute() {
    CountingOAuth oauth = upstream.oauth(upstream.settings());
    try (OpenapiAccount account = upstream.account(upstream.settings(), store, oauth)) {
      String first = token(account);
      upstream.sandbox.expireToken(first);
      assertThat(account.token().refused(first)).isTrue();
      String second = token(account);
      upstream.sandbox.expireToken(second);

      assertThat(account.token().refused(second)).isFalse();
      assertThat(account.status().problem().get()).contains("refused too");
      assertThat(account.token().refused(second)).as("within the minute").isFalse();
      assertThat(oauth.mints).hasValue(2);

      upstream.sandbox.advance(ManagedToken.MINT_PAUSE.plusSeconds(1));

      assertThat(account.token().refused(second)).isTrue();
      assertThat(oauth.mints).hasValue(3);
      assertThat(account.status().problem()).isEmpty();
    }
  }

  @Test
  void aTokenMintedUnbeknownWhenTheAnswerWasLostIsDeletedBeforeTheNextMint() throws Exception {
    CountingOAuth oauth = upstream.oauth(upstream.settings());
    oauth.nextMintAnswerLost.set(true);
    try (OpenapiAccount account = upstream.account(upstream.settings(), store, oauth)) {
      assertThat(account.token().current().isLeft()).isTrue();
      String orphan = upstream.oauth(upstream.settings()).tokens().get().single().secret();

      upstream.sandbox.advance(ManagedToken.MINT_PAUSE.plusSeconds(1));
      String token = token(account);

      assertThat(listed(account))
          .singleElement()
          .satisfies(kept -> assertThat(kept.inUse()).isTrue());
      assertThat(upstream.catalogueStatus(orphan)).as("the orphan is gone").isEqualTo(401);
      assertThat(upstream.catalogueStatus(token)).isEqualTo(200);
    }
  }

  @Test
  void aWrongApiKeyIsTheProblemAndAMintIsTriedAtMostOnceAMinute() {
    AccountSettings wrongKey = withApiKey(upstream.settings(), "a-mistyped-key");
    CountingOAuth oauth = upstream.oauth(wrongKey);
    try (OpenapiAccount account = upstream.account(wrongKey, store, oauth)) {

      assertThat(account.token().current().getLeft()).contains("e-mail address and API key");
      assertThat(account.token().current().isLeft()).isTrue();
      assertThat(account.status().problem().get()).contains("e-mail address and API key");
      assertThat(oauth.mints).hasValue(1);

      upstream.sandbox.advance(ManagedToken.MINT_PAUSE.plusSeconds(1));
      account.token().current();

      assertThat(oauth.mints).hasValue(2);
    }
  }

  @Test
  void aScopeNotEnabledOnTheAccountIsTheProblem() {
    AccountSettings base = upstream.settings();
    AccountSettings unknownScope =
        AccountSettings.of(
            base.baseUrl(),
            base.email(),
            base.apiKey(),
            SandboxAccount.SCOPES.append("GET:test.visengine2.altravia.com/fornitori"));
    try (OpenapiAccount account =
        upstream.account(unknownScope, store, upstream.oauth(unknownScope))) {

      assertThat(account.token().current().getLeft()).contains("not enabled on the account");
      assertThat(account.status().problem().get()).contains("fornitori");
    }
  }

  @Test
  void manyThreadsAskingAtOnceMintOneToken() throws Exception {
    CountingOAuth oauth = upstream.oauth(upstream.settings());
    try (OpenapiAccount account = upstream.account(upstream.settings(), store, oauth)) {
      List<String> tokens = askAtOnce(8, List.of(account));

      assertThat(tokens.distinct()).hasSize(1);
      assertThat(oauth.mints).hasValue(1);
    }
  }

  @Test
  void twoInstancesOnOneStoreAskingAtOnceMintOneToken() throws Exception {
    CountingOAuth oauth = upstream.oauth(upstream.settings());
    try (OpenapiAccount first = upstream.account(upstream.settings(), store, oauth);
        OpenapiAccount second = upstream.account(upstream.settings(), store, oauth)) {
      List<String> tokens = askAtOnce(8, List.of(first, second));

      assertThat(tokens.distinct()).hasSize(1);
      assertThat(oauth.mints).hasValue(1);
      assertThat(listed(first)).hasSize(1);
    }
  }

  @Test
  void aReplacedTokenThatCannotBeDeletedIsToldWithoutItAndTheNewOneIsUsed() {
    AccountSettings hourly = hourly();
    CountingOAuth oauth = upstream.oauth(hourly);
    try (OpenapiAccount account = upstream.account(hourly, store, oauth);
        CapturedLogs logs = new CapturedLogs()) {
      String first = token(account);
      oauth.deletionsFail.set(true);
      upstream.sandbox.advance(Duration.ofMinutes(55));

      String renewed = token(account);

      assertThat(renewed).isNotEqualTo(first);
      assertThat(logs.lines())
          .anyMatch(line -> line.startsWith("WARN Could not delete the replaced Openapi token"))
          .noneMatch(line -> line.contains(first));
    }
  }

  @Test
  void theStatusTellsTheTokensNameScopesAndExpiryButNeverTheToken() {
    try (OpenapiAccount account = upstream.account(store)) {
      String token = token(account);
      Instant expiry = store.kept().expiresAt();

      AccountStatus status = account.status();

      assertThat(status.tokenLabel()).isEqualTo("Sportello");
      assertThat(status.scopes()).containsExactlyInAnyOrderElementsOf(SandboxAccount.SCOPES);
      assertThat(status.tokenExpiresAt()).contains(expiry);
      assertThat(status.problem()).isEmpty();
      assertThat(status.warning()).isEmpty();
      assertThat(status.toString()).doesNotContain(token);
      assertThat(listed(account).toString()).doesNotContain(token);
    }
  }

  /** Each thread asks one of the accounts, in turn, for the token, all at the same moment. */
  private static List<String> askAtOnce(int threads, List<OpenapiAccount> accounts)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      java.util.List<Future<String>> asked = new java.util.ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        OpenapiAccount account = accounts.get(thread % accounts.size());
        Callable<String> ask =
            () -> {
              start.await();
              return token(account);
            };
        asked.add(pool.submit(ask));
      }
      start.countDown();
      java.util.List<String> tokens = new java.util.ArrayList<>();
      for (Future<String> answer : asked) {
        tokens.add(answer.get());
      }
      return List.ofAll(tokens);
    } finally {
      pool.shutdownNow();
    }
  }

  private static AccountSettings withApiKey(AccountSettings settings, String apiKey) {
    return new AccountSettings(
        settings.baseUrl(),
        settings.email(),
        apiKey,
        settings.scopes(),
        settings.tokenName(),
        settings.tokenTtl(),
        settings.renewalMargin(),
        settings.walletInterval(),
        settings.walletWarning(),
        settings.connectTimeout(),
        settings.readTimeout(),
        settings.retry(),
        settings.userAgent());
  }
}
