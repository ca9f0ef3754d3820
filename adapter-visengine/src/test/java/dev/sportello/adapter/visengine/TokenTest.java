package dev.sportello.adapter.visengine;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.adapter.openapi.BearerToken;
import dev.sportello.adapter.openapi.testing.StaleUntilRefused;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.control.Either;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenTest {
  private static final String OLD = StaleUntilRefused.STALE;
  private static final String NEW = "bbbbbbbbbbbbbbbbbbbbbbbb";

  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private VisengineAdapter adapter(BearerToken token) {
    return Stub.adapter(
        VisengineSettings.of(URI.create(server.baseUrl()), token), new Stub.RecordingSleeper());
  }

  @Test
  void aRefusedTokenIsReplacedAndTheCallMadeOnceMoreWithTheNewOne() {
    server.stubFor(
        get("/visure")
            .withHeader("Authorization", equalTo("Bearer " + OLD))
            .willReturn(Stub.failure(401, 401, "Unauthorized")));
    server.stubFor(
        get("/visure")
            .withHeader("Authorization", equalTo("Bearer " + NEW))
            .willReturn(Stub.ok("[]")));
    StaleUntilRefused token = new StaleUntilRefused(NEW);

    assertThat(adapter(token).listCertificates().get()).isEmpty();
    assertThat(token.refusals()).isEqualTo(1);
    server.verify(
        1,
        getRequestedFor(urlEqualTo("/visure"))
            .withHeader("Authorization", equalTo("Bearer " + NEW)));
  }

  @Test
  void aReplacementRefusedInTurnIsTheAnswer() {
    server.stubFor(get("/visure").willReturn(Stub.failure(401, 401, "Unauthorized")));
    StaleUntilRefused token = new StaleUntilRefused(NEW);

    RemoteFailure failure = adapter(token).listCertificates().getLeft();

    assertThat(failure)
        .isEqualTo(
            new RemoteFailure.AccessDenied(RemoteFailure.Denial.UNAUTHENTICATED, "Unauthorized"));
    assertThat(token.refusals()).isEqualTo(1);
    server.verify(2, getRequestedFor(urlEqualTo("/visure")));
  }

  @Test
  void aTokenWithoutAReplacementIsRefusedWithOneCall() {
    server.stubFor(get("/visure").willReturn(Stub.failure(401, 401, "Unauthorized")));

    assertThat(adapter(BearerToken.fixed(OLD)).listCertificates().getLeft())
        .isInstanceOf(RemoteFailure.AccessDenied.class);
    server.verify(1, getRequestedFor(urlEqualTo("/visure")));
  }

  @Test
  void aSourceThatFailsWhenToldOfARefusalLeavesTheRefusalAsTheAnswerOfACharge() {
    server.stubFor(put("/richiesta/" + Stub.ID).willReturn(Stub.failure(401, 401, "Unauthorized")));
    BearerToken failing =
        new BearerToken() {
          @Override
          public Either<String, String> current() {
            return Either.right(OLD);
          }

          @Override
          public boolean refused(String token) {
            throw new IllegalStateException("the store is down");
          }
        };

    assertThat(adapter(failing).close(new UpstreamId(Stub.ID)).getLeft())
        .isEqualTo(
            new RemoteFailure.AccessDenied(RemoteFailure.Denial.UNAUTHENTICATED, "Unauthorized"));
    server.verify(1, putRequestedFor(urlEqualTo("/richiesta/" + Stub.ID)));
  }

  @Test
  void aTokenLackingTheScopeIsNotReplaced() {
    server.stubFor(get("/visure").willReturn(Stub.failure(403, 403, "Forbidden")));
    StaleUntilRefused token = new StaleUntilRefused(NEW);

    assertThat(adapter(token).listCertificates().getLeft())
        .isEqualTo(new RemoteFailure.AccessDenied(RemoteFailure.Denial.NOT_PERMITTED, "Forbidden"));
    assertThat(token.refusals()).isZero();
    server.verify(1, getRequestedFor(urlEqualTo("/visure")));
  }
}
