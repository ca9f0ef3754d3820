package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real flows through the adapter over the application wired to its in-memory fakes. */
class FakesFlowTest {
  private static final String ALICE = Harness.ALICE_KEY;
  private static final String BOB = Harness.BOB_KEY;

  private final TestApplication app =
      TestApplication.builder().webhookBaseUrl("http://localhost:8080/webhooks").build();
  private final Certificate certificate = TestData.certificate();
  private final Harness.Served api;

  FakesFlowTest() {
    app.visengine().register(certificate);
    api = Harness.serve(app.useCases());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Harness.Reply call(
      String key, String method, String path, String body, String... headers) {
    return api.call(key, method, path, body, headers);
  }

  /**
   * A request closed upstream and stored, made through the ports rather than the API, so that a
   * flow can start in any state.
   */
  private String seed(String caller, String id, RequestStatus status) {
    var accepted = TestData.accepted(id, caller, certificate, app.clock().instant());
    var upstream =
        app.visengine()
            .createDraft(
                new RemoteOrder(
                    certificate.id(),
                    accepted.submission().values(),
                    io.vavr.collection.List.empty(),
                    Option.none(),
                    Option.none()))
            .get()
            .upstreamId();
    app.visengine().close(upstream);
    app.visengine().advance(upstream, status);
    app.repository()
        .insert(TestData.closed(accepted, upstream, status, app.clock().instant()))
        .get();
    return id;
  }

  private String order(String key, String idempotencyKey, String value) {
    var reply = submit(key, idempotencyKey, value);
    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    return reply.json().get("id").asString();
  }

  private Harness.Reply submit(String key, String idempotencyKey, String value) {
    return call(
        key,
        "POST",
        "/api/v1/requests",
        "{\"certificateId\": \""
            + certificate.id().value()
            + "\", \"values\": {\"$0\": \""
            + value
            + "\"}}",
        "Idempotency-Key",
        idempotencyKey);
  }

  @Test
  void browsesDescribesAndValidates() {
    var list = call(ALICE, "GET", "/api/v1/certificates", "");
    assertThat(list.json().get("items").get(0).get("id").asString())
        .isEqualTo(certificate.id().value());
    assertThat(list.json().get("items").get(0).get("engine").asString()).isEqualTo("visengine");

    var detail = call(ALICE, "GET", "/api/v1/certificates/" + certificate.id().value(), "");
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json().get("rule").asString()).isEqualTo("$0");
    assertThat(detail.json().get("fields").get(0).get("required").asBoolean()).isTrue();

    var empty =
        call(
            ALICE,
            "POST",
            "/api/v1/certificates/" + certificate.id().value() + "/validation",
            "{}");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("valid").asBoolean()).isFalse();
    assertThat(empty.json().get("violations")).isNotEmpty();

    var filled =
        call(
            ALICE,
            "POST",
            "/api/v1/certificates/" + certificate.id().value() + "/validation?upstream=true",
            "{\"values\": {\"$0\": \"Mario\"}}");
    assertThat(filled.json().get("valid").asBoolean()).as(filled.text()).isTrue();
    assertThat(filled.json().get("quote").get("total").get("euros").asString()).isEqualTo("12.20");
  }

  @Test
  void theCatalogueListsNothingForAnEngineThatIsNotEnabled() {
    var visengine = call(ALICE, "GET", "/api/v1/certificates?engine=visengine", "");
    var notEnabled = call(ALICE, "GET", "/api/v1/certificates?engine=docuengine", "");

    assertThat(visengine.json().get("items")).hasSize(1);
    assertThat(notEnabled.status()).isEqualTo(200);
    assertThat(notEnabled.json().get("items")).isEmpty();
  }

  @Test
  void aRetryWithTheSameKeyGetsTheSameRequest() {
    var first = submit(ALICE, "k-1", "Mario");
    var again = submit(ALICE, "k-1", "Mario");

    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(app.repository().size()).isEqualTo(1);
    assertThat(app.visengine().totalCharges()).isEqualTo(1);
  }

  @Test
  void aReusedKeyWithAnotherBodyIsUnprocessableAndOrdersNothing() {
    order(ALICE, "k-1", "Mario");

    var reused = submit(ALICE, "k-1", "Luigi");

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().get("code").asString()).isEqualTo("idempotency_key_reused");
    assertThat(app.repository().size()).isEqualTo(1);
    assertThat(app.visengine().totalCharges()).isEqualTo(1);
  }

  @Test
  void aRefusedSubmissionCostsNothingAndListsEveryViolation() {
    var reply =
        call(
            ALICE,
            "POST",
            "/api/v1/requests",
            "{\"certificateId\": \""
                + certificate.id().value()
                + "\", \"values\": {}, \"extras\": [\"opzione_9\"]}",
            "Idempotency-Key",
            "k-2");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("violations").size()).isGreaterThanOrEqualTo(2);
    assertThat(app.visengine().requestIds()).isEmpty();
  }

  @Test
  void callersSeeOnlyTheirOwnRequests() {
    String alices = seed("alice", "req-a", RequestStatus.PROCESSING);

    assertThat(call(ALICE, "GET", "/api/v1/requests/" + alices, "").status()).isEqualTo(200);
    assertThat(call(BOB, "GET", "/api/v1/requests/" + alices, "").status()).isEqualTo(404);
    assertThat(call(BOB, "GET", "/api/v1/requests/" + alices + "/document", "").status())
        .isEqualTo(404);
    assertThat(
            call(
                    BOB,
                    "POST",
                    "/api/v1/requests/" + alices + "/cancellation",
                    "{\"reason\": \"mine now\"}")
                .status())
        .isEqualTo(404);
    assertThat(call(BOB, "GET", "/api/v1/requests", "").json().get("items")).isEmpty();
    assertThat(call(ALICE, "GET", "/api/v1/requests", "").json().get("items")).hasSize(1);
  }

  @Test
  void pagesWithCursors() {
    for (int i = 0; i < 3; i++) {
      seed("alice", "req-" + i, RequestStatus.PROCESSING);
      app.clock().advance(Duration.ofSeconds(1));
    }

    var first = call(ALICE, "GET", "/api/v1/requests?limit=2", "");
    assertThat(first.json().get("items")).hasSize(2);
    String cursor = first.json().get("nextCursor").asString();
    var second = call(ALICE, "GET", "/api/v1/requests?limit=2&cursor=" + cursor, "");
    assertThat(second.json().get("items")).hasSize(1);
    assertThat(second.json().get("nextCursor").isNull()).isTrue();

    var bad = call(ALICE, "GET", "/api/v1/requests?cursor=not-a-cursor", "");
    assertThat(bad.status()).isEqualTo(400);
    var badStatus = call(ALICE, "GET", "/api/v1/requests?status=LOST", "");
    assertThat(badStatus.status()).isEqualTo(400);
  }

  @Test
  void followsARequestToItsDocument() {
    String id = seed("alice", "req-d", RequestStatus.PROCESSING);
    UpstreamId upstream = app.visengine().requestIds().last();
    byte[] zip = zip();
    app.visengine().attachDocument(upstream, zip);
    app.visengine().advance(upstream, RequestStatus.FULFILLED);

    var notReady = call(ALICE, "GET", "/api/v1/requests/" + id, "");
    assertThat(notReady.json().get("status").asString()).isNotEqualTo("FULFILLED");

    var refreshed = call(ALICE, "POST", "/api/v1/requests/" + id + "/refresh", "");
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.json().get("status").asString()).isEqualTo("FULFILLED");

    var document = call(ALICE, "GET", "/api/v1/requests/" + id + "/document", "");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.body()).isEqualTo(zip);
    assertThat(document.header("ETag")).isEqualTo("\"" + DocumentRoutesTest.sha256(zip) + "\"");

    var files = call(ALICE, "GET", "/api/v1/requests/" + id + "/document/files", "");
    assertThat(files.json().get("items").get(0).get("name").asString()).isEqualTo("visura.pdf");
    var pdf = call(ALICE, "GET", "/api/v1/requests/" + id + "/document/files/visura.pdf", "");
    assertThat(pdf.text()).isEqualTo("%PDF-1.7 visura");
  }

  @Test
  void aDocumentNotReadyYetIsAProblem() {
    String id = seed("alice", "req-n", RequestStatus.PROCESSING);

    var reply = call(ALICE, "GET", "/api/v1/requests/" + id + "/document", "");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().get("code").asString()).isEqualTo("not_ready");
  }

  @Test
  void cancelsAndThenRefusesASecondCancellation() {
    String id = seed("alice", "req-c", RequestStatus.PROCESSING);

    var cancelled =
        call(
            ALICE,
            "POST",
            "/api/v1/requests/" + id + "/cancellation",
            "{\"reason\": \"by mistake\"}");
    assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");

    var again =
        call(ALICE, "POST", "/api/v1/requests/" + id + "/cancellation", "{\"reason\": \"again\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asString()).isEqualTo("lifecycle_refused");
  }

  @Test
  void theWebhookRereadsTheRequestItsTokenNames() {
    String id = order(ALICE, "k-1", "Mario");
    UpstreamId upstream = app.visengine().requestIds().last();
    String token = app.visengine().order(upstream).callback().get().token();
    app.visengine().advance(upstream, RequestStatus.FULFILLED);

    var forged =
        call(
            "",
            "POST",
            "/webhooks/visengine/" + id + ".AAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "{\"data\": {}}");
    assertThat(forged.status()).isEqualTo(404);
    assertThat(call(ALICE, "GET", "/api/v1/requests/" + id, "").json().get("status").asString())
        .isNotEqualTo("FULFILLED");

    var hint = call("", "POST", "/webhooks/visengine/" + token, "{\"data\": {}}");
    assertThat(hint.status()).isEqualTo(202);
    assertThat(call(ALICE, "GET", "/api/v1/requests/" + id, "").json().get("status").asString())
        .isEqualTo("FULFILLED");
  }

  private static byte[] zip() {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("visura.pdf"));
      zip.write("%PDF-1.7 visura".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }
}
