package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens, and the envelope on answers that are not Visengine's own. */
class AuthenticationTest {

  private static final SandboxHttp API =
      SandboxHttp.start(SandboxSettings.defaults().withTokens("first-token", "second-token"));

  @AfterAll
  static void stop() {
    API.close();
  }

  @Test
  void refusesCallsWithoutAValidBearerToken() {
    Response missing = API.send("GET", "/visure", null, null);
    Response wrong = API.send("GET", "/visure", null, "not-a-token");

    for (Response refused : java.util.List.of(missing, wrong)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().path("success").asBoolean()).isFalse();
      assertThat(refused.json().path("data").isNull()).isTrue();
      assertThat(refused.error()).isEqualTo(401);
    }
  }

  @Test
  void docuEngineChecksTheSameBearerTokens() {
    Response missing = API.send("GET", "/documents", null, null);
    Response wrong = API.send("POST", "/requests", "{}", "not-a-token");

    for (Response refused : java.util.List.of(missing, wrong)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().path("success").asBoolean()).isFalse();
      assertThat(refused.error()).isEqualTo(401);
    }
    assertThat(API.send("GET", "/documents", null, "second-token").status()).isEqualTo(200);
  }

  @Test
  void acceptsEveryConfiguredToken() {
    assertThat(API.sandbox.token()).isEqualTo("first-token");
    assertThat(API.send("GET", "/visure", null, "first-token").status()).isEqualTo(200);
    assertThat(API.send("GET", "/visure", null, "second-token").status()).isEqualTo(200);
  }

  @Test
  void generatesAVendorShapedTokenWhenNoneIsConfigured() {
    try (SandboxHttp generated = SandboxHttp.start(SandboxSettings.defaults())) {
      assertThat(generated.sandbox.token()).matches("[0-9a-f]{24}");
      assertThat(generated.get("/visure").status()).isEqualTo(200);
    }
  }

  @Test
  void answersUnknownRoutesAndTheDisabledControlApiWithTheEnvelope() {
    for (String path : java.util.List.of("/nothing-here", "/_sandbox/wallet")) {
      Response unknown = API.get(path);
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.json().path("success").asBoolean()).isFalse();
      assertThat(unknown.error()).isEqualTo(404);
    }
  }

  @Test
  void listensOnLoopbackByDefault() {
    assertThat(API.sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(API.sandbox.port()).isPositive();
  }
}
