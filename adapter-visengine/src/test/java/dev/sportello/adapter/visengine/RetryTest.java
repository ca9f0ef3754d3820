package dev.sportello.adapter.visengine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Only calls that are safe to repeat are repeated; nothing that could charge twice is. */
class RetryTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UpstreamId ID = new UpstreamId(Stub.ID);
  private static final String REQUEST =
      "{\"_id\":\""
          + Stub.ID
          + "\",\"state\":1,\"stato_richiesta\":\"In erogazione\",\"timestamp_last_update\":1}";

  private Stub.RecordingSleeper sleeper;
  private VisengineAdapter adapter;

  @BeforeEach
  void setUp() {
    sleeper = new Stub.RecordingSleeper();
    adapter = Stub.adapter(Stub.settings(server.baseUrl()), sleeper);
  }

  private static RemoteOrder order() {
    return new RemoteOrder(
        new CertificateId(Stub.HASH),
        TreeMap.of(new FieldKey("$0"), "x"),
        List.empty(),
        Option.none(),
        Option.none());
  }

  private int calls() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  @Test
  void aPostIsNotRetriedAfterAReadTimeout() {
    server.stubFor(post("/richiesta").willReturn(Stub.ok(REQUEST).withFixedDelay(1500)));

    RemoteFailure failure = adapter.createDraft(order()).getLeft();

    assertThat(failure).isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(failure.message()).contains("read timeout");
    assertThat(calls()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void noChargingCallIsRetriedAfterA5xxOrADroppedConnection() {
    server.stubFor(
        post("/richiesta").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    assertThat(adapter.createDraft(order()).getLeft())
        .isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(adapter.test(order()).getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);

    server.stubFor(
        post("/richiesta/" + Stub.ID)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(adapter.addSearch(ID, TreeMap.of(new FieldKey("$0"), "x")).getLeft())
        .isInstanceOf(RemoteFailure.OutcomeUnknown.class);

    server.stubFor(
        put("/richiesta/" + Stub.ID + "/ricerche")
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThat(adapter.selectCandidate(ID, Stub.ID + "_0", 0).getLeft())
        .isInstanceOf(RemoteFailure.OutcomeUnknown.class);

    server.stubFor(delete("/richiesta/" + Stub.ID).willReturn(aResponse().withStatus(500)));
    assertThat(adapter.cancel(ID, "x").getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);

    assertThat(calls()).isEqualTo(5);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aChargingCallThatCannotConnectIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    VisengineAdapter unreachable =
        Stub.adapter(Stub.settings("http://127.0.0.1:" + closedPort), sleeper);

    assertThat(unreachable.createDraft(order()).getLeft())
        .isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(unreachable.fetch(ID).getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
  }

  @Test
  void aReadIsRetriedWithBackoffUntilItSucceeds() {
    server.stubFor(
        get("/richiesta/" + Stub.ID)
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("second"));
    server.stubFor(
        get("/richiesta/" + Stub.ID)
            .inScenario("flaky")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("third"));
    server.stubFor(
        get("/richiesta/" + Stub.ID)
            .inScenario("flaky")
            .whenScenarioStateIs("third")
            .willReturn(Stub.ok(REQUEST)));

    assertThat(adapter.fetch(ID).get().status()).isEqualTo(RequestStatus.PROCESSING);
    assertThat(calls()).isEqualTo(3);
    // The JDK client itself may repeat a GET on a reset connection once; our backoff doubles.
    assertThat(sleeper.waits).isNotEmpty().startsWith(5L).allMatch(wait -> wait <= 10L);
  }

  @Test
  void aReadGivesUpAfterTheLastAttempt() {
    server.stubFor(get("/richiesta").willReturn(aResponse().withStatus(500).withBody("boom")));

    assertThat(adapter.listAll().getLeft())
        .isEqualTo(new RemoteFailure.Unavailable("HTTP 500: boom"));
    assertThat(calls()).isEqualTo(3);
  }

  @Test
  void aReadThatTimesOutIsRetriedThenUnavailable() {
    server.stubFor(get("/visure").willReturn(Stub.ok("[]").withFixedDelay(1200)));

    assertThat(adapter.listCertificates().getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(calls()).isEqualTo(3);
  }

  @Test
  void retryAfterIsHonoured() {
    server.stubFor(
        get("/visure")
            .inScenario("busy")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2"))
            .willSetStateTo("free"));
    server.stubFor(
        get("/visure").inScenario("busy").whenScenarioStateIs("free").willReturn(Stub.ok("[]")));

    assertThat(adapter.listCertificates().get()).isEmpty();
    assertThat(sleeper.waits).hasSize(1);
    assertThat(sleeper.waits.get(0)).isBetween(1500L, 2000L);
  }

  @Test
  void aRetryAfterBeyondTheCapEndsTheRetries() {
    server.stubFor(
        get("/visure").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

    assertThat(adapter.listCertificates().getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(calls()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aCloseWhoseAnswerIsLostIsRepeatedAndFindsItAlreadyClosed() {
    server.stubFor(
        put("/richiesta/" + Stub.ID)
            .inScenario("close")
            .whenScenarioStateIs(STARTED)
            .willReturn(Stub.ok(REQUEST).withFixedDelay(1500))
            .willSetStateTo("closed"));
    server.stubFor(
        put("/richiesta/" + Stub.ID)
            .inScenario("close")
            .whenScenarioStateIs("closed")
            .willReturn(Stub.json(400, Stub.fixture("oas/put_richiesta_id_400.json"))));

    assertThat(adapter.close(ID).getLeft()).isInstanceOf(RemoteFailure.AlreadyClosed.class);
    assertThat(calls()).isEqualTo(2);
  }

  @Test
  void aCloseThatNeverAnswersHasAnUnknownOutcome() {
    server.stubFor(
        put("/richiesta/" + Stub.ID)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThat(adapter.close(ID).getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(calls()).isEqualTo(3);
  }

  @Test
  void retriesCanBeTurnedOff() {
    server.stubFor(get("/visure").willReturn(aResponse().withStatus(503)));
    VisengineAdapter once =
        Stub.adapter(Stub.settings(server.baseUrl()).withRetry(RetryPolicy.NONE), sleeper);

    assertThat(once.listCertificates().getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(calls()).isEqualTo(1);
    assertThat(URI.create(server.baseUrl()).getHost()).isNotNull();
  }
}
