package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.testing.FakeVisengine;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
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

  private final Certificate companyReport = TestData.certificate();
  private final Certificate familyStatus =
      Fixtures.certificate(Fixtures.DOCUENGINE_CERTIFICATE_ID, TestData.DOCUENGINE);
  private final TestApplication app =
      TestApplication.builder().twoEngines().webhookBaseUrl(WEBHOOKS).build();
  private final FakeVisengine visengine = app.visengine().register(companyReport);
  private final FakeVisengine docuengine = app.docuengine().register(familyStatus);
  private final Harness.Served api = Harness.serve(app.useCases());

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
