package dev.sportello.adapter.visengine;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.application.port.out.UpstreamQuote;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.domain.shared.Money;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestsTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UpstreamId ID = new UpstreamId(Stub.ID);

  private VisengineAdapter adapter;

  @BeforeEach
  void setUp() {
    adapter = Stub.adapter(server.baseUrl());
  }

  private static RemoteOrder order() {
    return new RemoteOrder(
        new CertificateId(Stub.HASH),
        TreeMap.of(new FieldKey("$1"), "RM", new FieldKey("$0"), "1378273"),
        List.of("opzione_0"),
        Option.some("ufficio@example.org"),
        Option.some(
            new RemoteOrder.Callback(
                "https://sportello.example.org/notifications", "r-1.abc", "r-1")));
  }

  private static String request(String fields) {
    return "{\"_id\":\"" + Stub.ID + "\",\"timestamp_last_update\":1596467663," + fields + "}";
  }

  private RemoteRequest fetched(String data) {
    server.stubFor(get("/richiesta/" + Stub.ID).willReturn(Stub.ok(data)));
    Either<RemoteFailure, RemoteRequest> fetched = adapter.fetch(ID);
    assertThat(fetched.isRight()).as("%s", fetched).isTrue();
    return fetched.get();
  }

  @Test
  void createsADraftWithValuesExtrasEmailAndWebhook() {
    server.stubFor(
        post("/richiesta")
            .willReturn(
                Stub.ok(
                    request(
                        "\"state\":0,\"stato_richiesta\":\"In ricerca\",\"ricerca\":false,\"callback_data\":{\"url\":\"https://sportello.example.org/notifications/r-1.abc\",\"method\":\"JSON\",\"field\":\"data\",\"data\":{\"reference\":\"r-1\"}},\"ricerche\":[]"))));

    RemoteRequest draft = adapter.createDraft(order()).get();

    assertThat(draft.upstreamId()).isEqualTo(ID);
    assertThat(draft.closed()).isFalse();
    assertThat(draft.status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(draft.lastUpdate()).isEqualTo(Instant.ofEpochSecond(1596467663));
    server.verify(
        postRequestedFor(urlEqualTo("/richiesta"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"hash_visura":"eccbc87e4b5ce2fe28308fd9f2a7baf3",
                     "json_visura":{"$0":"1378273","$1":"RM"},
                     "state":0,
                     "opzioni":{"opzione_0":true},
                     "email_target":"ufficio@example.org",
                     "callback_data":{"url":"https://sportello.example.org/notifications/r-1.abc",
                                      "method":"JSON","field":"data","data":{"reference":"r-1"}}}
                    """)));
  }

  @Test
  void aDraftWithoutExtrasEmailOrWebhookSendsNone() {
    server.stubFor(post("/richiesta").willReturn(Stub.ok(request("\"state\":0"))));

    adapter.createDraft(
        new RemoteOrder(
            new CertificateId(Stub.HASH),
            TreeMap.of(new FieldKey("$0"), "x"),
            List.empty(),
            Option.none(),
            Option.none()));

    server.verify(
        postRequestedFor(urlEqualTo("/richiesta"))
            .withRequestBody(
                equalToJson(
                    "{\"hash_visura\":\""
                        + Stub.HASH
                        + "\",\"json_visura\":{\"$0\":\"x\"},\"state\":0}")));
  }

  @Test
  void testsAnOrderAndReadsTheQuote() {
    server.stubFor(
        post("/richiesta")
            .willReturn(
                Stub.json(
                    200,
                    "{\"data\":{\"prezzo_visura\":4.9,\"prezzo_ricerca\":\"0.38\"},\"success\":true,\"message\":\"Test Request, deleting\",\"error\":null}")));

    UpstreamQuote quote = adapter.test(order()).get();

    assertThat(quote).isEqualTo(new UpstreamQuote(Money.ofCents(490), Money.ofCents(38)));
    server.verify(
        postRequestedFor(urlEqualTo("/richiesta"))
            .withRequestBody(equalToJson("{\"test\":true,\"state\":1}", true, true)));
  }

  @Test
  void closesADraftWithTheStateOnly() {
    server.stubFor(
        put("/richiesta/" + Stub.ID)
            .willReturn(Stub.json(200, Stub.fixture("oas/put_richiesta_id_200.json"))));

    RemoteRequest closed = adapter.close(ID).get();

    assertThat(closed.closed()).isTrue();
    assertThat(closed.status()).isEqualTo(RequestStatus.PROCESSING);
    assertThat(closed.upstreamId().value()).isEqualTo("5f283eae065afc21cf466ea4");
    assertThat(closed.searches()).isEmpty();
    assertThat(closed.outcome()).contains(new Outcome("0", "OK"));
    server.verify(
        putRequestedFor(urlEqualTo("/richiesta/" + Stub.ID))
            .withRequestBody(equalToJson("{\"state\":1}")));
  }

  @Test
  void closingAClosedRequestIsAlreadyClosed() {
    server.stubFor(
        put("/richiesta/" + Stub.ID)
            .willReturn(Stub.json(400, Stub.fixture("oas/put_richiesta_id_400.json"))));

    assertThat(adapter.close(ID).getLeft())
        .isEqualTo(new RemoteFailure.AlreadyClosed("the request has already been closed"));
  }

  @Test
  void readsAFulfilledRequest() {
    RemoteRequest request = fetched(dataOf("oas/get_richiesta_id_200.json"));

    assertThat(request.status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(request.closed()).isTrue();
    assertThat(request.attachments()).containsExactly("5f22f722065afc42223c7131.pdf");
    assertThat(request.outcome()).contains(new Outcome("0", "OK"));
    assertThat(request.selection()).isEmpty();
    assertThat(request.cancellationReason()).isEmpty();
    assertThat(request.searches()).as("a product without a search phase has no rounds").isEmpty();
    assertThat(request.lastUpdate()).isEqualTo(Instant.ofEpochSecond(1596127022));
  }

  @Test
  void readsSearchRoundsWithFlattenedCandidates() {
    RemoteRequest request = fetched(dataOf("oas/post_richiesta_id_200.json"));

    assertThat(request.status())
        .as("the latest round failed, so there is nothing to choose")
        .isEqualTo(RequestStatus.SEARCHING);
    assertThat(request.searches().map(SearchRound::state))
        .containsExactly(SearchRound.State.COMPLETED, SearchRound.State.FAILED);
    SearchCandidate candidate = request.searches().head().candidates().head();
    assertThat(candidate.index()).isZero();
    assertThat(candidate.attributes())
        .contains(
            Tuple.of("Denominazione", "ALTRAVIA SERVIZI SOCIETA' A RESPONSABILITA' LIMITATA"),
            Tuple.of("Indirizzo.Comune", "ROMA"),
            Tuple.of("Indirizzo.Provincia.!", "RM"),
            Tuple.of("NatGiu.!cod", "SR"),
            Tuple.of("!completa", "S"));
    assertThat(request.outcome().get().isSuccess()).isFalse();
    assertThat(request.outcome().get().code()).isEqualTo("101");
  }

  @Test
  void aCompletedRoundWithCandidatesAwaitsSelection() {
    var node =
        (tools.jackson.databind.node.ObjectNode)
            VisengineAdapter.mapper()
                .readTree(Stub.fixture("oas/put_richiesta_id_ricerche_200.json"))
                .get("data");
    node.put("stato_richiesta", "In ricerca");
    node.putNull("id_ricerca");
    node.putNull("indice_ricerca");
    String data = node.toString();

    RemoteRequest request = fetched(data);

    assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SELECTION);
    assertThat(request.searches().last().candidates().map(SearchCandidate::index))
        .containsExactly(0, 1, 2, 3, 4);
    assertThat(request.searches().last().candidate(1).get().attributes().get("Indirizzo.Comune"))
        .contains("CATANIA");
  }

  @Test
  void readsTheChosenCandidate() {
    RemoteRequest request = fetched(dataOf("oas/put_richiesta_id_ricerche_200.json"));

    assertThat(request.status()).isEqualTo(RequestStatus.PROCESSING);
    assertThat(request.selection()).contains(Tuple.of("5f283eae065afc21cf466ea4_0", 1));
  }

  @Test
  void aProductWithoutSearchPhaseIsNeverAwaitingSelection() {
    RemoteRequest request =
        fetched(
            request(
                "\"state\":1,\"ricerca\":false,\"stato_richiesta\":\"In ricerca\",\"ricerche\":[{\"id_ricerca\":\""
                    + Stub.ID
                    + "_0\",\"stato_ricerca\":\"Ricerca evasa\",\"json_ricerca\":\"{\\\"$0\\\":\\\"x\\\"}\",\"json_risultato\":null}]"));

    assertThat(request.status()).isEqualTo(RequestStatus.SEARCHING);
  }

  @Test
  void readsResultsSentAsAnObjectAndRefusesResultsThatAreNotJson() {
    String round =
        "\"state\":1,\"ricerca\":\"1\",\"stato_richiesta\":\"In ricerca\",\"ricerche\":[{\"id_ricerca\":\""
            + Stub.ID
            + "_0\",\"stato_ricerca\":\"Ricerca evasa\",\"json_risultato\":";
    RemoteRequest request =
        fetched(request(round + "{\"indice_0\":{\"A\":[\"x\",{\"b\":null}]},\"altro\":1}}]"));
    assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SELECTION);
    assertThat(request.searches().head().candidates().head().attributes())
        .containsExactly(Tuple.of("A.0", "x"), Tuple.of("A.1.b", ""));

    server.stubFor(
        get("/richiesta/" + Stub.ID).willReturn(Stub.ok(request(round + "\"{indice_0:\"}]"))));
    assertThat(adapter.fetch(ID).getLeft()).isInstanceOf(RemoteFailure.Malformed.class);
  }

  @Test
  void parsesTheSearchInputASecondTime() {
    WireReader reader = new WireReader(VisengineAdapter.mapper());
    var parsed =
        reader.embedded(
            tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(
                "{\"$1\":\"BS\",\"$0\":\"572372\"}"),
            "json_ricerca");
    assertThat(parsed.get()).isNotNull();
    assertThat(parsed.get().get("$0").asString()).isEqualTo("572372");
  }

  @ParameterizedTest(name = "state {0}, {1} -> {2}")
  @CsvSource({
    "0, In ricerca, ACCEPTED, false",
    "'\"0\"', In ricerca, ACCEPTED, false",
    "1, In ricerca, SEARCHING, true",
    "1, In erogazione, PROCESSING, true",
    "1, Dati disponibili, DATA_AVAILABLE, true",
    "'\"1\"', Visura evasa, FULFILLED, true",
    "true, visura evasa, FULFILLED, true",
    "1, Annullata, CANCELLED, true",
    "0, Annullata, CANCELLED, false",
  })
  void mapsTheUpstreamStatus(String state, String status, RequestStatus expected, boolean closed) {
    RemoteRequest request =
        fetched(request("\"state\":" + state + ",\"stato_richiesta\":\"" + status + "\""));

    assertThat(request.status()).isEqualTo(expected);
    assertThat(request.closed()).isEqualTo(closed);
  }

  @Test
  void anUnknownStatusIsMalformed() {
    server.stubFor(
        get("/richiesta/" + Stub.ID)
            .willReturn(Stub.ok(request("\"state\":1,\"stato_richiesta\":\"Evaso\""))));

    assertThat(adapter.fetch(ID).getLeft()).isInstanceOf(RemoteFailure.Malformed.class);
  }

  @Test
  void aCancelledRequestCarriesItsReason() {
    RemoteRequest request =
        fetched(
            request(
                "\"state\":1,\"stato_richiesta\":\"Annullata\",\"motivo_annullamento\":\"richiesta del cliente\",\"callback_data\":false"));

    assertThat(request.status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(request.cancellationReason()).contains("richiesta del cliente");
  }

  @Test
  void listsTheAccountsRequests() {
    server.stubFor(
        get("/richiesta").willReturn(Stub.json(200, Stub.fixture("oas/get_richiesta_200.json"))));

    List<RemoteSummary> summaries = adapter.listAll().get();

    assertThat(summaries)
        .containsExactly(
            new RemoteSummary(
                new UpstreamId("5f22f722065afc42223c7131"),
                true,
                RequestStatus.FULFILLED,
                Instant.ofEpochSecond(1596127022)),
            new RemoteSummary(
                new UpstreamId("5f22f5b5065afc21cc60a27a"),
                true,
                RequestStatus.FULFILLED,
                Instant.ofEpochSecond(1596126717)),
            new RemoteSummary(
                new UpstreamId("5f16beaa065afc1c0b354aac"),
                false,
                RequestStatus.CANCELLED,
                Instant.ofEpochSecond(1595345114)));
  }

  @Test
  void anAccountWithoutRequestsHasAnEmptyList() {
    server.stubFor(
        get("/richiesta").willReturn(Stub.json(404, Stub.fixture("oas/get_richiesta_404.json"))));

    assertThat(adapter.listAll().get()).isEmpty();
  }

  @Test
  void addsASearch() {
    server.stubFor(
        post("/richiesta/" + Stub.ID)
            .willReturn(Stub.json(200, Stub.fixture("oas/post_richiesta_id_200.json"))));

    RemoteRequest request =
        adapter
            .addSearch(ID, TreeMap.of(new FieldKey("$1"), "12345678910", new FieldKey("$0"), ""))
            .get();

    assertThat(request.searches()).hasSize(2);
    server.verify(
        postRequestedFor(urlEqualTo("/richiesta/" + Stub.ID))
            .withRequestBody(equalToJson(Stub.fixture("oas/post_richiesta_id_request.json"))));
  }

  @Test
  void choosesACandidate() {
    server.stubFor(
        put("/richiesta/" + Stub.ID + "/ricerche")
            .willReturn(Stub.json(200, Stub.fixture("oas/put_richiesta_id_ricerche_200.json"))));

    RemoteRequest request = adapter.selectCandidate(ID, "5f283eae065afc21cf466ea4_0", 1).get();

    assertThat(request.status()).isEqualTo(RequestStatus.PROCESSING);
    server.verify(
        putRequestedFor(urlEqualTo("/richiesta/" + Stub.ID + "/ricerche"))
            .withRequestBody(
                equalToJson(Stub.fixture("oas/put_richiesta_id_ricerche_request.json"))));
  }

  @Test
  void cancelsWithAReason() {
    server.stubFor(
        delete("/richiesta/" + Stub.ID)
            .willReturn(
                Stub.ok(
                    request(
                        "\"state\":1,\"stato_richiesta\":\"Annullata\",\"motivo_annullamento\":\"non serve più\""))));

    RemoteRequest request = adapter.cancel(ID, "non serve più").get();

    assertThat(request.status()).isEqualTo(RequestStatus.CANCELLED);
    server.verify(
        deleteRequestedFor(urlEqualTo("/richiesta/" + Stub.ID))
            .withRequestBody(equalToJson("{\"motivo\":\"non serve più\"}")));
  }

  @Test
  void aCancellationAnswerWithoutTheRequestIsFollowedByARead() {
    server.stubFor(delete("/richiesta/" + Stub.ID).willReturn(Stub.ok("true")));
    server.stubFor(
        get("/richiesta/" + Stub.ID)
            .willReturn(Stub.ok(request("\"state\":0,\"stato_richiesta\":\"Annullata\""))));

    assertThat(adapter.cancel(ID, "x").get().status()).isEqualTo(RequestStatus.CANCELLED);
    server.verify(getRequestedFor(urlEqualTo("/richiesta/" + Stub.ID)));
  }

  @Test
  void readsTheFamilyStatusPageRequestAsTypedFailure() {
    // The page's example shows a 32-digit _id (it is a catalogue hash), which is not a request id.
    server.stubFor(
        get("/richiesta/" + Stub.ID)
            .willReturn(Stub.json(200, Stub.fixture("seeds/family-status-richiesta.json"))));

    assertThat(adapter.fetch(ID).getLeft()).isInstanceOf(RemoteFailure.Malformed.class);
  }

  @Test
  void everyPublishedRequestExampleIsReadable() {
    for (String example :
        List.of(
            "oas/get_richiesta_id_200.json",
            "oas/post_richiesta_200.json",
            "oas/post_richiesta_id_200.json",
            "oas/put_richiesta_id_200.json",
            "oas/put_richiesta_id_ricerche_200.json")) {
      server.stubFor(
          get("/richiesta/" + Stub.ID).willReturn(Stub.json(200, Stub.fixture(example))));
      assertThat(adapter.fetch(ID).isRight()).as(example).isTrue();
    }
  }

  /** The {@code data} of a recorded envelope. */
  private static String dataOf(String fixture) {
    var node = VisengineAdapter.mapper().readTree(Stub.fixture(fixture));
    return node.get("data").toPrettyString();
  }
}
