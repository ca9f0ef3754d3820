package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.application.testing.CountingCallObserver;
import dev.sportello.application.testing.FakeVisengine;
import dev.sportello.application.testing.InMemoryCatalogSnapshotStore;
import dev.sportello.application.testing.InMemoryDocumentStore;
import dev.sportello.application.testing.InMemoryIdempotencyStore;
import dev.sportello.application.testing.InMemoryRequestRepository;
import dev.sportello.application.testing.MutableClock;
import dev.sportello.application.testing.RecordingRequestEvents;
import dev.sportello.application.testing.SequentialRequestIds;
import dev.sportello.application.testing.SingleInstanceSyncLock;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The adapter over an application with two engines, each one an in-memory fake: every certificate
 * and request shows its own engine, and each engine's notifications arrive at the webhook the
 * application registered with it.
 */
class TwoEnginesFlowTest {
  private static final String ALICE = Harness.ALICE_KEY;
  private static final String WEBHOOKS = "http://localhost:8080/webhooks";

  private final MutableClock clock = MutableClock.atTestEpoch();
  private final Certificate companyReport = TestData.certificate();
  private final Certificate familyStatus =
      Fixtures.certificate(Fixtures.DOCUENGINE_CERTIFICATE_ID, Fixtures.DOCUENGINE);
  private final FakeVisengine visengine = new FakeVisengine(clock).register(companyReport);
  private final FakeVisengine docuengine = new FakeVisengine(clock).register(familyStatus);
  private final Harness.Served api;

  TwoEnginesFlowTest() {
    UseCases useCases =
        UseCases.create(
            new ApplicationPorts(
                List.of(
                    Upstream.of(TestData.ENGINE, visengine),
                    Upstream.of(Fixtures.DOCUENGINE, docuengine)),
                new InMemoryRequestRepository(),
                new InMemoryIdempotencyStore(clock),
                new InMemoryCatalogSnapshotStore(),
                new InMemoryDocumentStore(),
                new RecordingRequestEvents(),
                new CountingCallObserver(),
                new SingleInstanceSyncLock(),
                new SequentialRequestIds(),
                clock),
            new ApplicationSettings(
                ValuePolicy.defaults(),
                ApplicationSettings.DEFAULT_CATALOG_TTL,
                Option.some(WEBHOOKS),
                TestApplication.SECRET,
                100));
    api = Harness.serve(useCases);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** An order with values that pass the certificate's checks. */
  private String order(Certificate certificate) {
    String values =
        certificate.equals(familyStatus)
            ? "{\"$0\": \"" + Fixtures.TAX_CODE + "\", \"$1\": \"Rossi\"}"
            : "{\"$0\": \"x\"}";
    var reply =
        api.call(
            ALICE,
            "POST",
            "/api/v1/requests",
            "{\"certificateId\": \"" + certificate.id().value() + "\", \"values\": " + values + "}",
            "Idempotency-Key",
            certificate.id().value());
    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    return reply.json().get("id").asString();
  }

  /** The callback registered with the engine's latest order, which is now fulfilled there. */
  private static RemoteOrder.Callback fulfilledThere(FakeVisengine engine) {
    UpstreamId upstream = engine.requestIds().last();
    engine.advance(upstream, RequestStatus.FULFILLED);
    return engine.order(upstream).callback().get();
  }

  private String status(String id) {
    return api.call(ALICE, "GET", "/api/v1/requests/" + id, "").json().get("status").asString();
  }

  @Test
  void theCatalogueShowsEachCertificatesEngineAndListsOneEngineWhenAsked() {
    JsonNode all = api.call(ALICE, "GET", "/api/v1/certificates", "").json().get("items");
    JsonNode docuEngineOnly =
        api.call(ALICE, "GET", "/api/v1/certificates?engine=docuengine", "").json().get("items");

    assertThat(all).hasSize(2);
    for (JsonNode item : all) {
      assertThat(item.get("engine").asString())
          .isEqualTo(
              item.get("id").asString().equals(familyStatus.id().value())
                  ? "docuengine"
                  : "visengine");
    }
    assertThat(docuEngineOnly).hasSize(1);
    assertThat(docuEngineOnly.get(0).get("id").asString()).isEqualTo(familyStatus.id().value());
  }

  @Test
  void aRequestShowsTheEngineOfItsCertificate() {
    String docuEngineRequest = order(familyStatus);
    String visengineRequest = order(companyReport);

    JsonNode listed = api.call(ALICE, "GET", "/api/v1/requests", "").json().get("items");

    assertThat(
            api.call(ALICE, "GET", "/api/v1/requests/" + docuEngineRequest, "")
                .json()
                .get("engine")
                .asString())
        .isEqualTo("docuengine");
    assertThat(listed).hasSize(2);
    for (JsonNode request : listed) {
      assertThat(request.get("engine").asString())
          .isEqualTo(
              request.get("id").asString().equals(visengineRequest) ? "visengine" : "docuengine");
    }
  }

  @Test
  void aDocuEngineNotificationCarriesItsTokenInTheHeaderAtTheRegisteredWebhook() {
    String id = order(familyStatus);
    RemoteOrder.Callback callback = fulfilledThere(docuengine);
    String webhook = URI.create(callback.url()).getPath();
    assertThat(webhook).isEqualTo(Operations.DOCUENGINE_WEBHOOK);

    var unnamed = api.call("", "POST", webhook, "{\"data\": {}}");
    assertThat(unnamed.status()).isEqualTo(404);
    assertThat(status(id)).isNotEqualTo("FULFILLED");

    var hint =
        api.call("", "POST", webhook, "{\"data\": {}}", "X-Sportello-Token", callback.token());
    assertThat(hint.status()).isEqualTo(202);
    assertThat(status(id)).isEqualTo("FULFILLED");
  }

  @Test
  void aVisengineNotificationCarriesItsTokenInTheAddressBesideDocuEngines() {
    String id = order(companyReport);
    RemoteOrder.Callback callback = fulfilledThere(visengine);

    var hint =
        api.call("", "POST", URI.create(callback.url()).getPath() + "/" + callback.token(), "{}");

    assertThat(hint.status()).isEqualTo(202);
    assertThat(status(id)).isEqualTo("FULFILLED");
  }
}
