package dev.sportello.adapter.docuengine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reads are repeated; nothing that creates or charges anything is. */
class RetryTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UpstreamId ID = new UpstreamId(Stub.ID);
  private static final String PATH = "/requests/" + Stub.ID;
  private static final String RESULTS =
      ",\"hasSearch\":true,\"results\":[{\"id\":\"r0\",\"data\":{}}]";

  private Stub.RecordingSleeper sleeper;
  private DocuEngineAdapter adapter;

  @BeforeEach
  void setUp() {
    sleeper = new Stub.RecordingSleeper();
    adapter = Stub.adapter(Stub.settings(server.baseUrl()), sleeper);
  }

  private int calls() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  @Test
  void aDraftIsNotRepeatedAfterAReadTimeout() {
    server.stubFor(
        post("/requests").willReturn(Stub.ok(Stub.request("NEW", "")).withFixedDelay(3000)));

    RemoteFailure failure = adapter.createDraft(Stub.order()).getLeft();

    assertThat(failure).isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(failure.message()).contains("read timeout");
    assertThat(calls()).isEqualTo(1);
  }

  @Test
  void aCloseIsNotRepeatedAfterA5xxOrADroppedConnection() {
    server.stubFor(
        patch(PATH).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    assertThat(adapter.close(ID).getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);

    server.stubFor(patch(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(adapter.close(ID).getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);

    assertThat(calls()).isEqualTo(2);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aChoiceIsReadOnceAndSentOnceWhenItsAnswerIsLost() {
    server.stubFor(get(PATH).willReturn(Stub.ok(Stub.request("SEARCH", RESULTS))));
    server.stubFor(patch(PATH).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThat(adapter.selectCandidate(ID, Stub.ID, 0).getLeft())
        .isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(calls()).isEqualTo(2);
  }

  @Test
  void aChangingCallThatCannotConnectIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DocuEngineAdapter unreachable =
        Stub.adapter(Stub.settings("http://127.0.0.1:" + closedPort), sleeper);

    assertThat(unreachable.createDraft(Stub.order()).getLeft())
        .isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(unreachable.close(ID).getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
  }

  @Test
  void aReadIsRetriedWithBackoffUntilItSucceeds() {
    server.stubFor(
        get(PATH)
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("second"));
    server.stubFor(
        get(PATH)
            .inScenario("flaky")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("third"));
    server.stubFor(
        get(PATH)
            .inScenario("flaky")
            .whenScenarioStateIs("third")
            .willReturn(Stub.ok(Stub.request("WAIT", ""))));

    assertThat(adapter.fetch(ID).get().status()).isEqualTo(RequestStatus.PROCESSING);
    assertThat(calls()).isEqualTo(3);
    assertThat(sleeper.waits).containsExactly(5L, 10L);
  }

  @Test
  void aReadGivesUpAfterTheLastAttempt() {
    server.stubFor(get("/requests").willReturn(aResponse().withStatus(500).withBody("boom")));

    assertThat(adapter.listAll().getLeft())
        .isEqualTo(new RemoteFailure.Unavailable("HTTP 500: boom"));
    assertThat(calls()).isEqualTo(3);
  }

  @Test
  void aRetryAfterBeyondTheCapEndsTheRetries() {
    server.stubFor(
        get("/documents").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

    assertThat(adapter.listCertificates().getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(calls()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void retriesCanBeTurnedOff() {
    server.stubFor(get("/documents").willReturn(aResponse().withStatus(503)));
    DocuEngineAdapter once =
        Stub.adapter(
            Stub.settings(server.baseUrl()).withRetry(DocuEngineSettings.RetryPolicy.NONE),
            sleeper);

    assertThat(once.listCertificates().getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(calls()).isEqualTo(1);
  }
}
