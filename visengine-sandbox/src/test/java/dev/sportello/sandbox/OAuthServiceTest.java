package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import dev.sportello.sandbox.SandboxSettings.Account;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The OAuth v2 service on the engines' port: tokens, scopes and the wallet, per account. */
class OAuthServiceTest {

  private static final Account DEV = new Account("dev@example.com", "dev-key:with:colons");
  private static final Account OPS = new Account("ops@example.com", "ops-key");
  private static final String VISURE = "GET:test.visengine2.altravia.com/visure";

  private final SandboxHttp api = SandboxHttp.startWithTimeStill(DEV, OPS);

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void mintsATokenWithTheAskedScopesNameAndLifetime() {
    Response minted =
        api.mint(
            DEV,
            List.of(VISURE, "PATCH:test.docuengine.openapi.com/requests"),
            "\"name\":\"sportello-ci\"",
            "\"ttl\":3600");

    assertThat(minted.status()).as(minted.raw()).isEqualTo(200);
    JsonNode token = minted.json();
    assertThat(token.has("data")).as("a bare TokenDetail").isFalse();
    assertThat(token.has("success")).isFalse();
    assertThat(token.path("token").asString()).matches("[0-9a-f]{24}");
    assertThat(token.path("refreshToken").asString())
        .matches("[0-9a-f]{24}")
        .isNotEqualTo(token.path("token").asString());
    assertThat(token.path("name").asString()).isEqualTo("sportello-ci");
    assertThat(token.path("createdAt").asString()).isEqualTo("2026-03-02T10:15:30Z");
    assertThat(token.path("updatedAt").asString()).isEqualTo("2026-03-02T10:15:30Z");
    assertThat(token.path("expireAt").asString()).isEqualTo("2026-03-02T11:15:30Z");
    assertThat(token.path("scopes").valueStream().map(JsonNode::asString))
        .containsExactly(VISURE, "PATCH:test.docuengine.openapi.com/requests");
    assertThat(token.path("limits").isObject()).isTrue();
    assertThat(token.path("stats").isObject()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",\"ttl\":0", ",\"ttl\":-5"})
  void aTokenWithoutAPositiveTtlLastsThirtyDays(String ttl) {
    Response minted =
        api.oauth(DEV, "POST", "/tokens", "{\"scopes\":[\"" + VISURE + "\"]" + ttl + "}");

    assertThat(minted.json().path("expireAt").asString()).isEqualTo("2026-04-01T10:15:30Z");
  }

  @Test
  void aTtlBeyondAYearIsCutToAYear() {
    Response minted = api.mint(DEV, List.of(VISURE), "\"ttl\":99999999999");

    assertThat(minted.json().path("expireAt").asString()).isEqualTo("2027-03-02T10:15:30Z");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST   | /tokens
          GET    | /tokens
          GET    | /tokens/0123456789abcdef01234567
          DELETE | /tokens/0123456789abcdef01234567
          GET    | /scopes
          GET    | /wallet
          """)
  void refusesCallsWithoutTheAccountsEMailAndApiKey(String method, String path) {
    List<Response> refused =
        List.of(
            api.sendAuthorized(method, path, "{}", null),
            api.sendBasic(method, path, "{}", DEV.email(), "wrong-key"),
            api.sendBasic(method, path, "{}", "nobody@example.com", DEV.apiKey()),
            api.sendBasic(method, path, "{}", DEV.email(), OPS.apiKey()),
            api.sendAuthorized(method, path, "{}", "Basic not-base64!"),
            api.send(method, path, "{}", api.sandbox.token()));

    for (Response response : refused) {
      assertThat(response.status()).as(response.raw()).isEqualTo(401);
      assertThat(response.json().path("success").asBoolean()).isFalse();
      assertThat(response.json().path("data").isNull()).isTrue();
      assertThat(response.error()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"scopes\":\"" + VISURE + "\"}", "{\"scopes\":[]}", "[1]"})
  void refusesATokenWithoutAScopesArray(String body) {
    Response refused = api.oauth(DEV, "POST", "/tokens", body);

    assertRefused(refused, 422, 70, "missing scopes array");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "visure",
        "GET:test.visengine2.altravia.com",
        "get:test.visengine2.altravia.com/visure",
        "GET test.visengine2.altravia.com/visure",
        "GET:/visure",
        "GET:test.visengine2.altravia.com/visure/extra"
      })
  void refusesScopesNotShapedMethodHostSegment(String scope) {
    Response refused = api.mint(DEV, List.of(VISURE, scope));

    assertRefused(refused, 422, 80, "invalid scopes format");
  }

  @Test
  void refusesScopesThatAreNotStrings() {
    Response refused = api.oauth(DEV, "POST", "/tokens", "{\"scopes\":[42]}");

    assertRefused(refused, 422, 80, "invalid scopes format");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET:test.visengine2.altravia.com/fornitori",
        "GET:visengine2.altravia.com/visure",
        "PATCH:test.visengine2.altravia.com/richiesta",
        "*:*.openapi.it/*"
      })
  void refusesScopesTheSandboxDoesNotOffer(String scope) {
    Response refused = api.mint(DEV, List.of(VISURE, scope));

    assertRefused(refused, 422, 90, "Invalid scopes specified or API not enabled");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"*:test.visengine2.altravia.com/*", "GET:*/*", "*:*.openapi.com/requests"})
  void acceptsWildcardScopesThatMatchOfferedOnes(String scope) {
    Response minted = api.mint(DEV, List.of(scope));

    assertThat(minted.status()).as(minted.raw()).isEqualTo(200);
    assertThat(minted.json().path("scopes").get(0).asString()).isEqualTo(scope);
  }

  @Test
  void listsOnlyTheAccountsOwnTokensNewestFirst() {
    String first = api.tokenWith(DEV, VISURE);
    String second = api.tokenWith(DEV, VISURE);
    String third = api.tokenWith(DEV, VISURE);
    String theirs = api.tokenWith(OPS, VISURE);

    assertThat(tokens(api.oauth(DEV, "GET", "/tokens", null)))
        .containsExactly(third, second, first);
    assertThat(tokens(api.oauth(OPS, "GET", "/tokens", null))).containsExactly(theirs);
    assertThat(tokens(api.oauth(DEV, "GET", "/tokens?limit=1&skip=1", null)))
        .containsExactly(second);
    assertThat(tokens(api.oauth(DEV, "GET", "/tokens?skip=2&limit=500", null)))
        .containsExactly(first);
  }

  @Test
  void showsOneOfTheAccountsTokens() {
    Response minted = api.mint(DEV, List.of(VISURE), "\"name\":\"one\"");
    String token = minted.json().path("token").asString();

    Response shown = api.oauth(DEV, "GET", "/tokens/" + token, null);

    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json()).isEqualTo(minted.json());
  }

  @Test
  void doesNotShowAnotherAccountsTokenOrAnUnknownOne() {
    String theirs = api.tokenWith(OPS, VISURE);

    assertRefused(api.oauth(DEV, "GET", "/tokens/" + theirs, null), 404, 120, "Not Found");
    assertRefused(
        api.oauth(DEV, "GET", "/tokens/0123456789abcdef01234567", null), 404, 120, "Not Found");
    assertRefused(
        api.oauth(DEV, "GET", "/tokens/not-a-token", null), 422, 60, "Invalid Token Format");
  }

  @Test
  void deletesATokenWhichThenNoLongerWorks() {
    String token = api.tokenWith(DEV, VISURE);
    String kept = api.tokenWith(DEV, VISURE);

    Response deleted = api.oauth(DEV, "DELETE", "/tokens/" + token, null);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().path("success").asBoolean()).isTrue();
    assertThat(deleted.message()).isEqualTo("Deleted");
    assertThat(deleted.json().path("error").isNull()).isTrue();
    assertThat(deleted.json().path("data").isNull()).isTrue();
    assertThat(tokens(api.oauth(DEV, "GET", "/tokens", null))).containsExactly(kept);
    assertThat(api.send("GET", "/visure", null, token).status()).isEqualTo(401);
    assertRefused(api.oauth(DEV, "DELETE", "/tokens/" + token, null), 404, 180, "Not Found");
  }

  @Test
  void doesNotDeleteAnotherAccountsToken() {
    String theirs = api.tokenWith(OPS, VISURE);

    assertRefused(api.oauth(DEV, "DELETE", "/tokens/" + theirs, null), 404, 180, "Not Found");
    assertThat(api.send("GET", "/visure", null, theirs).status()).isEqualTo(200);
  }

  @Test
  void aDeletionNeedsATokenId() {
    assertRefused(api.oauth(DEV, "DELETE", "/tokens", null), 400, 170, "Token ID is required");
  }

  @Test
  void keepsListingExpiredTokensUntilTheyAreDeleted() {
    String token = api.mint(DEV, List.of(VISURE), "\"ttl\":60").json().path("token").asString();

    api.sandbox.advance(Duration.ofSeconds(61));

    assertThat(tokens(api.oauth(DEV, "GET", "/tokens", null))).containsExactly(token);
    assertThat(api.oauth(DEV, "GET", "/tokens/" + token, null).status()).isEqualTo(200);
  }

  @Test
  void offersExactlyOneScopePerMethodAndFirstSegmentOfTheEngines() {
    Response scopes = api.oauth(DEV, "GET", "/scopes", null);

    assertThat(scopes.status()).isEqualTo(200);
    assertThat(scopes.data().valueStream().map(scope -> scope.path("scope").asString()))
        .containsExactlyInAnyOrder(
            "GET:test.visengine2.altravia.com/visure",
            "GET:test.visengine2.altravia.com/richiesta",
            "POST:test.visengine2.altravia.com/richiesta",
            "PUT:test.visengine2.altravia.com/richiesta",
            "DELETE:test.visengine2.altravia.com/richiesta",
            "GET:test.visengine2.altravia.com/documento",
            "GET:test.docuengine.openapi.com/documents",
            "GET:test.docuengine.openapi.com/requests",
            "POST:test.docuengine.openapi.com/requests",
            "PATCH:test.docuengine.openapi.com/requests");
  }

  @Test
  void describesEachScopeAsTheVendorsUserScope() {
    JsonNode scope =
        api.oauth(DEV, "GET", "/scopes", null)
            .data()
            .valueStream()
            .filter(entry -> entry.path("scope").asString().equals(VISURE))
            .findFirst()
            .orElseThrow();

    assertThat(scope.path("id").asString()).matches("[0-9a-f]{24}");
    assertThat(scope.path("method").asString()).isEqualTo("GET");
    assertThat(scope.path("domain").asString()).isEqualTo("test.visengine2.altravia.com");
    assertThat(scope.path("endpoint").asString()).isEqualTo("visure");
    assertThat(scope.path("enabled").asBoolean()).isTrue();
  }

  @Test
  void theWalletFollowsACharge() {
    Response before = api.oauth(DEV, "GET", "/wallet", null);
    api.sandbox.advance(Duration.ofMinutes(1));
    api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);

    Response after = api.oauth(OPS, "GET", "/wallet", null);

    assertThat(before.status()).isEqualTo(200);
    assertThat(before.data().path("credit").decimalValue())
        .isEqualByComparingTo(SandboxSettings.DEFAULT_BALANCE);
    assertThat(before.data().path("createdAt").asString()).isEqualTo("2026-03-02T10:15:30Z");
    assertThat(before.data().path("updatedAt").asString()).isEqualTo("2026-03-02T10:15:30Z");
    assertThat(after.data().path("credit").decimalValue())
        .isEqualByComparingTo(api.sandbox.balance())
        .isEqualByComparingTo(SandboxSettings.DEFAULT_BALANCE.subtract(new BigDecimal("4.9")));
    assertThat(after.data().path("createdAt").asString()).isEqualTo("2026-03-02T10:15:30Z");
    assertThat(after.data().path("updatedAt").asString()).isEqualTo("2026-03-02T10:16:30Z");
  }

  private static List<String> tokens(Response list) {
    assertThat(list.status()).as(list.raw()).isEqualTo(200);
    return list.data().valueStream().map(token -> token.path("token").asString()).toList();
  }

  private static void assertRefused(Response refused, int status, int code, String message) {
    assertThat(refused.status()).as(refused.raw()).isEqualTo(status);
    assertThat(refused.json().path("success").asBoolean()).isFalse();
    assertThat(refused.json().path("data").isNull()).isTrue();
    assertThat(refused.error()).isEqualTo(code);
    assertThat(refused.message()).isEqualTo(message);
  }
}
