package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.sandbox.SandboxHttp.Response;
import dev.sportello.sandbox.SandboxSettings.Account;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every engine route checks the bearer token and its scope; minted tokens expire on the sandbox
 * clock, tokens given at start never do.
 */
class ScopeCheckTest {

  private static final Account DEV = new Account("dev@example.com", "dev-key");
  private static final String VISURE = "GET:test.visengine2.altravia.com/visure";

  private final SandboxHttp api =
      SandboxHttp.start(
          SandboxSettings.defaults()
              .withStepDelay(Duration.ofMinutes(1))
              .withControlApi(true)
              .withAccounts(DEV));

  @AfterEach
  void stop() {
    api.close();
  }

  @ParameterizedTest(name = "{0} {1} needs {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          GET    | /visure                                       | GET:test.visengine2.altravia.com/visure
          GET    | /visure/eccbc87e4b5ce2fe28308fd9f2a7baf3      | GET:test.visengine2.altravia.com/visure
          GET    | /richiesta                                    | GET:test.visengine2.altravia.com/richiesta
          POST   | /richiesta                                    | POST:test.visengine2.altravia.com/richiesta
          GET    | /richiesta/0123456789abcdef01234567           | GET:test.visengine2.altravia.com/richiesta
          POST   | /richiesta/0123456789abcdef01234567           | POST:test.visengine2.altravia.com/richiesta
          PUT    | /richiesta                                    | PUT:test.visengine2.altravia.com/richiesta
          PUT    | /richiesta/0123456789abcdef01234567           | PUT:test.visengine2.altravia.com/richiesta
          PUT    | /richiesta/0123456789abcdef01234567/ricerche  | PUT:test.visengine2.altravia.com/richiesta
          DELETE | /richiesta/0123456789abcdef01234567           | DELETE:test.visengine2.altravia.com/richiesta
          GET    | /documento                                    | GET:test.visengine2.altravia.com/documento
          GET    | /documento/0123456789abcdef01234567           | GET:test.visengine2.altravia.com/documento
          GET    | /documents                                    | GET:test.docuengine.openapi.com/documents
          GET    | /requests                                     | GET:test.docuengine.openapi.com/requests
          POST   | /requests                                     | POST:test.docuengine.openapi.com/requests
          GET    | /requests/0123456789abcdef01234567            | GET:test.docuengine.openapi.com/requests
          PATCH  | /requests                                     | PATCH:test.docuengine.openapi.com/requests
          PATCH  | /requests/0123456789abcdef01234567            | PATCH:test.docuengine.openapi.com/requests
          GET    | /requests/0123456789abcdef01234567/documents  | GET:test.docuengine.openapi.com/requests
          """)
  void everyEngineRouteNeedsItsOwnScope(String method, String path, String scope) {
    List<String> allButThat =
        api.oauth(DEV, "GET", "/scopes", null)
            .data()
            .valueStream()
            .map(entry -> entry.path("scope").asString())
            .filter(offered -> !offered.equals(scope))
            .toList();
    String lacking = api.tokenWith(DEV, allButThat.toArray(String[]::new));
    String holding = api.tokenWith(DEV, scope);

    Response refused = api.send(method, path, "{}", lacking);
    Response served = api.send(method, path, "{}", holding);

    assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
    assertThat(refused.json().path("success").asBoolean()).isFalse();
    assertThat(refused.json().path("data").isNull()).isTrue();
    assertThat(refused.error()).isEqualTo(403);
    assertThat(refused.message()).endsWith(scope);
    assertThat(served.status()).as(served.raw()).isNotIn(401, 403);
  }

  @Test
  void aVisengineCallWithItsScopeIsServedAndWithoutATokenRefused() {
    String token = api.tokenWith(DEV, VISURE);

    assertThat(api.send("GET", "/visure", null, token).status()).isEqualTo(200);
    assertThat(api.send("GET", "/visure", null, null).status()).isEqualTo(401);
    assertThat(api.send("POST", "/richiesta", "{}", token).status()).isEqualTo(403);
  }

  @Test
  void aDocuEngineCallWithItsScopeIsServedAndWithoutATokenRefused() {
    String draft = api.draft(SandboxHttp.STATUTO);
    String reader = api.tokenWith(DEV, "GET:test.docuengine.openapi.com/requests");
    String writer = api.tokenWith(DEV, "PATCH:test.docuengine.openapi.com/requests");
    String body = "{\"state\":\"SEARCH\"}";

    assertThat(api.send("PATCH", "/requests/" + draft, body, null).status()).isEqualTo(401);
    assertThat(api.send("PATCH", "/requests/" + draft, body, reader).status()).isEqualTo(403);
    Response patched = api.send("PATCH", "/requests/" + draft, body, writer);
    assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
    assertThat(patched.data().path("state").asString()).isEqualTo("WAIT");
  }

  @Test
  void aWildcardScopeCoversTheRoutesItMatches() {
    String token = api.tokenWith(DEV, "*:test.docuengine.openapi.com/*");

    assertThat(api.send("GET", "/documents", null, token).status()).isEqualTo(200);
    assertThat(api.send("GET", "/requests", null, token).status()).isEqualTo(404);
    assertThat(api.send("GET", "/visure", null, token).status()).isEqualTo(403);
  }

  @Test
  void aMintedTokenExpiresOnTheSandboxClock() {
    String token = api.mint(DEV, List.of(VISURE), "\"ttl\":60").json().path("token").asString();

    api.sandbox.advance(Duration.ofSeconds(58));
    assertThat(api.send("GET", "/visure", null, token).status()).isEqualTo(200);
    api.sandbox.advance(Duration.ofSeconds(2));
    Response expired = api.send("GET", "/visure", null, token);

    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().path("success").asBoolean()).isFalse();
    assertThat(expired.message()).isEqualTo("token expired");
  }

  @Test
  void theControlApiExpiresAMintedTokenAtOnce() {
    String token = api.tokenWith(DEV, VISURE);

    Response expired = api.post("/_sandbox/tokens/" + token + "/expire", "");

    assertThat(expired.status()).as(expired.raw()).isEqualTo(200);
    assertThat(expired.data().path("token").asString()).isEqualTo(token);
    assertThat(api.send("GET", "/visure", null, token).message()).isEqualTo("token expired");
    assertThat(api.oauth(DEV, "GET", "/tokens/" + token, null).json().path("expireAt"))
        .isEqualTo(expired.data().path("expireAt"));
  }

  @Test
  void theControlApiCannotExpireATokenGivenAtStartNorAnUnknownOne() {
    Response everlasting = api.post("/_sandbox/tokens/" + api.sandbox.token() + "/expire", "");
    Response unknown = api.post("/_sandbox/tokens/0123456789abcdef01234567/expire", "");

    assertThat(everlasting.status()).isEqualTo(409);
    assertThat(everlasting.message()).contains("never expires");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(api.get("/visure").status()).isEqualTo(200);
  }

  @Test
  void theJavaApiExpiresAMintedTokenToo() {
    String token = api.tokenWith(DEV, VISURE);

    api.sandbox.expireToken(token);

    assertThat(api.send("GET", "/visure", null, token).status()).isEqualTo(401);
    assertThatThrownBy(() -> api.sandbox.expireToken(api.sandbox.token()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokensGivenAtStartCarryEveryScopeAndNeverExpire() {
    api.sandbox.advance(Duration.ofDays(400));

    assertThat(api.get("/visure").status()).isEqualTo(200);
    assertThat(api.get("/documents").status()).isEqualTo(200);
    assertThat(api.post("/requests", "{}").status()).isNotIn(401, 403);
  }

  @Test
  void theControlApiTakesAValidMintedTokenWhateverItsScopes() {
    String token = api.tokenWith(DEV, VISURE);

    assertThat(api.send("GET", "/_sandbox/wallet", null, token).status()).isEqualTo(200);
    api.sandbox.expireToken(token);
    assertThat(api.send("GET", "/_sandbox/wallet", null, token).status()).isEqualTo(401);
  }
}
