package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.AddSearchUseCase.AddSearchCommand;
import dev.sportello.application.port.in.CancelRequestUseCase.CancelRequestCommand;
import dev.sportello.application.port.in.ListRequestsQuery;
import dev.sportello.application.port.in.ListRequestsUseCase.RequestListing;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.SelectCandidateUseCase.SelectCandidateCommand;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.request.RequestId;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RequestRoutesTest {
  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  private Harness.Reply submit(String key, String body) {
    return api.send(
        api.as(Harness.ALICE_KEY, "/api/v1/requests")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void ordersACertificate() {
    when(api.submit.submit(any())).thenReturn(Either.right(Fixtures.request("req-1", "alice")));

    var reply =
        submit(
            "order-1",
            """
            {"certificateId": "%s", "values": {"$0": "%s", "$1": "Rossi"},
             "extras": ["opzione_0"], "reference": "pratica-7", "notifyEmail": "a@example.org"}
            """
                .formatted(Fixtures.CERTIFICATE_ID, Fixtures.TAX_CODE));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.header("Location")).isEqualTo("/api/v1/requests/req-1");
    var json = reply.json();
    assertThat(json.get("id").asString()).isEqualTo("req-1");
    assertThat(json.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(json.get("certificateId").asString()).isEqualTo(Fixtures.CERTIFICATE_ID);
    assertThat(json.get("engine").asString()).isEqualTo("visengine");
    assertThat(json.get("history").get(0).get("at").asString()).isEqualTo("2026-01-15T10:00:00Z");
    assertThat(json.get("quote").get("extras").get("cents").asLong()).isEqualTo(500);
    assertThat(reply.text()).doesNotContain(Fixtures.TAX_CODE);

    var command = ArgumentCaptor.forClass(SubmitRequestCommand.class);
    verify(api.submit).submit(command.capture());
    assertThat(command.getValue().caller()).isEqualTo("alice");
    assertThat(command.getValue().idempotencyKey()).isEqualTo("order-1");
    assertThat(command.getValue().input().values().get("$0")).contains(Fixtures.TAX_CODE);
    assertThat(command.getValue().input().notifyEmail()).contains("a@example.org");
  }

  @Test
  void aReusedKeyWithAnotherBodyIsUnprocessable() {
    when(api.submit.submit(any()))
        .thenReturn(Either.left(new UseCaseError.KeyReusedWithAnotherBody(new RequestId("req-1"))));

    var reply = submit("same-key", "{\"certificateId\": \"" + Fixtures.CERTIFICATE_ID + "\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().get("code").asString()).isEqualTo("idempotency_key_reused");
  }

  @Test
  void anOrderStillBeingCreatedAsksTheRetryToComeBackWithTheSameKey() {
    when(api.submit.submit(any()))
        .thenReturn(Either.left(new UseCaseError.StillBeingCreated(Duration.ofSeconds(3))));

    var reply = submit("same-key", "{\"certificateId\": \"" + Fixtures.CERTIFICATE_ID + "\"}");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().get("code").asString()).isEqualTo("request_in_progress");
    assertThat(reply.header("Retry-After")).isEqualTo("3");
  }

  @Test
  void anOrderNeedsAnIdempotencyKey() {
    var reply =
        api.post("/api/v1/requests", "{\"certificateId\": \"" + Fixtures.CERTIFICATE_ID + "\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("violations").get(0).get("field").asString())
        .isEqualTo("Idempotency-Key");
    verifyNoInteractions(api.submit);
  }

  @Test
  void anOrderNeedsACertificateId() {
    var reply = submit("k", "{\"values\": {}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("violations").get(0).get("field").asString())
        .isEqualTo("certificateId");
    verifyNoInteractions(api.submit);
  }

  @Test
  void listsTheCallersRequestsWithFiltersAndACursor() {
    when(api.list.list(any()))
        .thenReturn(
            Either.right(
                new RequestListing(
                    List.of(
                        Fixtures.busyRequest("req-2", "alice"), Fixtures.request("req-1", "alice")),
                    Option.some("next-page"))));

    var reply =
        api.get(
            "/api/v1/requests?status=FULFILLED&certificateId="
                + Fixtures.CERTIFICATE_ID
                + "&reference=pratica-7&cursor=abc&limit=2");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("items")).hasSize(2);
    assertThat(reply.json().get("nextCursor").asString()).isEqualTo("next-page");
    verify(api.list)
        .list(
            new ListRequestsQuery(
                "alice",
                Option.some("FULFILLED"),
                Option.some(Fixtures.CERTIFICATE_ID),
                Option.some("pratica-7"),
                Option.some("abc"),
                2));
  }

  @Test
  void everyListedRequestNamesItsEngine() {
    var docuEngine = Fixtures.certificate(Fixtures.DOCUENGINE_CERTIFICATE_ID, TestData.DOCUENGINE);
    when(api.list.list(any()))
        .thenReturn(
            Either.right(
                new RequestListing(
                    List.of(
                        Fixtures.request("req-2", "alice", docuEngine),
                        Fixtures.request("req-1", "alice")),
                    Option.none())));

    var items = api.get("/api/v1/requests").json().get("items");

    assertThat(items.get(0).get("engine").asString()).isEqualTo("docuengine");
    assertThat(items.get(0).get("certificateId").asString())
        .isEqualTo(Fixtures.DOCUENGINE_CERTIFICATE_ID);
    assertThat(items.get(1).get("engine").asString()).isEqualTo("visengine");
  }

  @Test
  void listsFiftyByDefault() {
    when(api.list.list(any()))
        .thenReturn(Either.right(new RequestListing(List.empty(), Option.none())));

    var reply = api.get("/api/v1/requests");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("nextCursor").isNull()).isTrue();
    verify(api.list)
        .list(
            new ListRequestsQuery(
                "alice", Option.none(), Option.none(), Option.none(), Option.none(), 50));
  }

  @Test
  void aLimitThatIsNotANumberIsRefused() {
    var reply = api.get("/api/v1/requests?limit=ten");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("violations").get(0).get("field").asString()).isEqualTo("limit");
    verifyNoInteractions(api.list);
  }

  @Test
  void aBadCursorIsRefusedWithAProblem() {
    when(api.list.list(any()))
        .thenReturn(
            Either.left(
                new UseCaseError.InvalidInput(
                    List.of(
                        dev.sportello.domain.shared.Violation.general(
                            "cursor",
                            "invalid_cursor",
                            "the cursor is not one this service handed out")))));

    var reply = api.get("/api/v1/requests?cursor=%E2%98%83");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("violations").get(0).get("code").asString())
        .isEqualTo("invalid_cursor");
  }

  @Test
  void readsOneRequestWithItsWholeStory() {
    when(api.get.get(new RequestQuery("alice", "req-2")))
        .thenReturn(Either.right(Fixtures.busyRequest("req-2", "alice")));

    var reply = api.get("/api/v1/requests/req-2");

    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    assertThat(json.get("status").asString()).isEqualTo("FULFILLED");
    assertThat(json.get("history")).hasSize(4);
    assertThat(
            json.get("searches")
                .get(0)
                .get("candidates")
                .get(1)
                .get("attributes")
                .get("Indirizzo.Comune")
                .asString())
        .isEqualTo("Milano");
    assertThat(json.get("selection").get("index").asInt()).isEqualTo(1);
    assertThat(json.get("outcome").get("success").asBoolean()).isTrue();
    assertThat(json.get("document").get("sizeBytes").asLong()).isEqualTo(1234);
    assertThat(json.get("reference").asString()).isEqualTo("pratica-7");
  }

  @Test
  void startsASearch() {
    when(api.addSearch.addSearch(any()))
        .thenReturn(Either.right(Fixtures.busyRequest("req-2", "alice")));

    var reply = api.post("/api/v1/requests/req-2/searches", "{\"values\": {\"$1\": \"Bianchi\"}}");

    assertThat(reply.status()).isEqualTo(202);
    verify(api.addSearch)
        .addSearch(
            new AddSearchCommand(new RequestQuery("alice", "req-2"), HashMap.of("$1", "Bianchi")));
  }

  @Test
  void aSearchNeedsValues() {
    var reply = api.post("/api/v1/requests/req-2/searches", "{}");

    assertThat(reply.status()).isEqualTo(400);
    verifyNoInteractions(api.addSearch);
  }

  @Test
  void selectsACandidate() {
    when(api.select.select(any())).thenReturn(Either.right(Fixtures.busyRequest("req-2", "alice")));

    var reply =
        api.post(
            "/api/v1/requests/req-2/selection",
            "{\"searchId\": \"5f22f722065afc42223c7131_1\", \"index\": 1}");

    assertThat(reply.status()).isEqualTo(202);
    verify(api.select)
        .select(
            new SelectCandidateCommand(
                new RequestQuery("alice", "req-2"), "5f22f722065afc42223c7131_1", 1));
  }

  @Test
  void anIncompleteSelectionListsEveryMissingPart() {
    var reply = api.post("/api/v1/requests/req-2/selection", "{\"index\": -1}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("violations")).hasSize(2);
    verifyNoInteractions(api.select);
  }

  @Test
  void cancelsARequest() {
    when(api.cancel.cancel(any())).thenReturn(Either.right(Fixtures.request("req-1", "alice")));

    var reply =
        api.post("/api/v1/requests/req-1/cancellation", "{\"reason\": \"ordered by mistake\"}");

    assertThat(reply.status()).isEqualTo(200);
    verify(api.cancel)
        .cancel(new CancelRequestCommand(new RequestQuery("alice", "req-1"), "ordered by mistake"));
  }

  @Test
  void aCancellationNeedsAReason() {
    var reply = api.post("/api/v1/requests/req-1/cancellation", "{}");

    assertThat(reply.status()).isEqualTo(400);
    verifyNoInteractions(api.cancel);
  }

  @Test
  void refreshesWithoutABody() {
    when(api.refresh.refresh(new RequestQuery("alice", "req-1")))
        .thenReturn(Either.right(Fixtures.request("req-1", "alice")));

    var reply =
        api.send(
            api.as(Harness.ALICE_KEY, "/api/v1/requests/req-1/refresh")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asString()).isEqualTo("req-1");
  }
}
