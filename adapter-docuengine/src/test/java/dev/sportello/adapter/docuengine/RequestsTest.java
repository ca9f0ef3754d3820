package dev.sportello.adapter.docuengine;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What is sent for each call, and how DocuEngine's requests read in our terms. */
class RequestsTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UpstreamId ID = new UpstreamId(Stub.ID);
  private static final String PATH = "/requests/" + Stub.ID;
  private static final String RESULTS =
      ",\"hasSearch\":true,\"results\":[{\"id\":\"r0\",\"data\":{\"balanceSheetDate\":\"2024-12-31\","
          + "\"company\":{\"id\":9379307}}},{\"id\":\"r1\",\"data\":{\"balanceSheetDate\":\"2023-12-31\"}}]";

  private DocuEngineAdapter adapter;

  @BeforeEach
  void setUp() {
    adapter = Stub.adapter(server.baseUrl());
  }

  @Test
  void aDraftIsPostedAsNewWithTheValuesByWireKeyTheOptionsAndOurWebhook() {
    server.stubFor(post("/requests").willReturn(Stub.ok(Stub.request("NEW", ""))));
    RemoteOrder order =
        new RemoteOrder(
            new CertificateId("6751c0a41a241a5d1be0fa10"),
            TreeMap.of(new FieldKey("field1"), "ROSSI", new FieldKey("field0"), "MARIO"),
            List.of("urgenza"),
            Option.some("mario@example.com"),
            Option.some(
                new RemoteOrder.Callback(
                    "https://sportello.example/webhooks/docuengine", "t0k3n", "req-1")));

    RemoteRequest draft = adapter.createDraft(order).get();

    assertThat(draft.closed()).isFalse();
    server.verify(
        postRequestedFor(urlEqualTo("/requests"))
            .withRequestBody(
                equalToJson(
                    """
                    {"documentId":"6751c0a41a241a5d1be0fa10","state":"NEW",
                     "search":{"field0":"MARIO","field1":"ROSSI"},
                     "selectedOptions":["urgenza"],"notifyEmail":"mario@example.com",
                     "callback":{"url":"https://sportello.example/webhooks/docuengine",
                                 "method":"JSON","headers":{"X-Sportello-Token":"t0k3n"},
                                 "data":{"reference":"req-1"}}}
                    """)));
  }

  @Test
  void aDraftWithoutOptionsEmailOrWebhookSendsNoneOfThem() {
    server.stubFor(post("/requests").willReturn(Stub.ok(Stub.request("NEW", ""))));

    adapter.createDraft(Stub.order()).get();

    server.verify(
        postRequestedFor(urlEqualTo("/requests"))
            .withRequestBody(
                equalToJson(
                    """
                    {"documentId":"663df75d19a52195e23e315c","state":"NEW",
                     "search":{"field0":"1378273","field1":"RM"}}
                    """)));
  }

  @Test
  void aCloseMovesTheDraftToSearch() {
    server.stubFor(patch(urlEqualTo(PATH)).willReturn(Stub.ok(Stub.request("WAIT", ""))));

    assertThat(adapter.close(ID).get().status()).isEqualTo(RequestStatus.PROCESSING);

    server.verify(
        patchRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"state\":\"SEARCH\"}")));
  }

  @Test
  void aChoiceSendsTheIdOfTheResultAtTheCandidatesIndex() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(Stub.ok(Stub.request("SEARCH", RESULTS))));
    server.stubFor(
        patch(urlEqualTo(PATH))
            .willReturn(Stub.ok(Stub.request("WAIT", RESULTS + ",\"resultId\":\"r1\""))));

    RemoteRequest chosen = adapter.selectCandidate(ID, Stub.ID, 1).get();

    assertThat(chosen.selection()).contains(Tuple.of(Stub.ID, 1));
    server.verify(
        patchRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"resultId\":\"r1\"}")));
  }

  @Test
  void aChoiceRefusedBecauseThisVeryResultWasChosenMeanwhileIsSuccess() {
    chosenMeanwhile("r1");

    assertThat(adapter.selectCandidate(ID, Stub.ID, 1).get().selection())
        .contains(Tuple.of(Stub.ID, 1));
  }

  @Test
  void aChoiceRefusedBecauseAnotherResultWasChosenMeanwhileIsAConflict() {
    chosenMeanwhile("r0");

    assertThat(adapter.selectCandidate(ID, Stub.ID, 1).getLeft())
        .isInstanceOf(RemoteFailure.Conflict.class);
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"406,210", "400,300", "417,316", "404,223"})
  void aChoiceRefusedWithAnyOtherCodeIsSuccessWhenUpstreamShowsThisVeryChoice(
      int status, int code) {
    chosenMeanwhile("r1");
    server.stubFor(patch(urlEqualTo(PATH)).willReturn(Stub.failure(status, code, "refused")));

    assertThat(adapter.selectCandidate(ID, Stub.ID, 1).get().selection())
        .contains(Tuple.of(Stub.ID, 1));
  }

  @Test
  void aChoiceRefusedForLackOfCreditIsNotReadBack() {
    chosenMeanwhile("r1");
    server.stubFor(
        patch(urlEqualTo(PATH)).willReturn(Stub.failure(402, 610, "Insufficient Credit")));

    assertThat(adapter.selectCandidate(ID, Stub.ID, 1).getLeft())
        .isEqualTo(new RemoteFailure.InsufficientCredit("Insufficient Credit"));
    server.verify(1, getRequestedFor(urlEqualTo(PATH)));
  }

  /** The first read offers a choice; the choice is refused, as a choice already made is. */
  private static void chosenMeanwhile(String resultId) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("race")
            .whenScenarioStateIs(STARTED)
            .willReturn(Stub.ok(Stub.request("SEARCH", RESULTS)))
            .willSetStateTo("chosen"));
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("race")
            .whenScenarioStateIs("chosen")
            .willReturn(
                Stub.ok(Stub.request("WAIT", RESULTS + ",\"resultId\":\"" + resultId + "\""))));
    server.stubFor(
        patch(urlEqualTo(PATH))
            .willReturn(
                Stub.failure(
                    422,
                    213,
                    "the request does not produce results to choose from, it is processed"
                        + " directly with the POST")));
  }

  @Test
  void theResultsAreOneRoundNamedAfterTheRequestWithTheirDataFlattened() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(Stub.ok(Stub.request("SEARCH", RESULTS))));

    RemoteRequest searched = adapter.fetch(ID).get();

    assertThat(searched.status()).isEqualTo(RequestStatus.AWAITING_SELECTION);
    assertThat(searched.searches()).hasSize(1);
    var round = searched.searches().head();
    assertThat(round.searchId()).isEqualTo(Stub.ID);
    assertThat(round.candidates().map(candidate -> candidate.index())).containsExactly(0, 1);
    assertThat(round.candidates().head().attributes().toJavaMap())
        .containsEntry("balanceSheetDate", "2024-12-31")
        .containsEntry("company.id", "9379307");
    assertThat(searched.lastUpdate()).isEqualTo(Instant.ofEpochSecond(1700000100));
  }

  static Stream<Arguments> states() {
    return Stream.of(
        Arguments.of("NEW", "", false, RequestStatus.ACCEPTED),
        Arguments.of(
            "SEARCH", ",\"hasSearch\":true,\"results\":null", true, RequestStatus.SEARCHING),
        Arguments.of("SEARCH", RESULTS, true, RequestStatus.AWAITING_SELECTION),
        Arguments.of("SEARCH", RESULTS + ",\"resultId\":\"r0\"", true, RequestStatus.PROCESSING),
        Arguments.of("SEARCH", ",\"hasSearch\":false", true, RequestStatus.PROCESSING),
        Arguments.of("WAIT", "", true, RequestStatus.PROCESSING),
        Arguments.of("DONE", ",\"documents\":[\"a_0.pdf\"]", true, RequestStatus.FULFILLED),
        Arguments.of(
            "CANCELLED", ",\"cancellationReason\":\"dati errati\"", false, RequestStatus.CANCELLED),
        Arguments.of("ERROR", "", true, RequestStatus.CANCELLED),
        Arguments.of("failed", "", true, RequestStatus.CANCELLED),
        Arguments.of("ON_HOLD", "", true, RequestStatus.PROCESSING));
  }

  @ParameterizedTest(name = "{0}{1} -> {3}")
  @MethodSource("states")
  void everyStateReadsAsOneOfOurs(String state, String more, boolean closed, RequestStatus status) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(Stub.ok(Stub.request(state, more))));

    RemoteRequest request = adapter.fetch(ID).get();

    assertThat(request.closed()).isEqualTo(closed);
    assertThat(request.status()).isEqualTo(status);
  }

  @Test
  void aRequestCancelledAfterItReachedSearchWasClosed() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(Stub.ok(Stub.request("CANCELLED", ",\"SEARCH\":1700000050", ""))));

    RemoteRequest cancelled = adapter.fetch(ID).get();

    assertThat(cancelled.closed()).isTrue();
    assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
  }

  @Test
  void anOpenDraftIsCancelledByLeavingItUnclosedAfterOneFreeRead() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(Stub.ok(Stub.request("NEW", ""))));

    RemoteRequest abandoned = adapter.cancel(ID, "changed my mind").get();

    assertThat(abandoned.upstreamId()).isEqualTo(ID);
    assertThat(abandoned.closed()).isFalse();
    assertThat(abandoned.status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(server.findAll(anyRequestedFor(anyUrl())))
        .singleElement()
        .satisfies(read -> assertThat(read.getMethod()).isEqualTo(RequestMethod.GET));
  }

  @Test
  void aSubmittedRequestCannotBeCancelledAndNothingIsChanged() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(Stub.ok(Stub.request("WAIT", ""))));

    assertThat(adapter.cancel(ID, "changed my mind").getLeft())
        .isEqualTo(
            new RemoteFailure.Conflict(
                "no_cancel", "DocuEngine cannot cancel a request once it is submitted"));
    assertThat(server.findAll(anyRequestedFor(anyUrl())))
        .singleElement()
        .satisfies(read -> assertThat(read.getMethod()).isEqualTo(RequestMethod.GET));
  }

  @Test
  void aFulfilledRequestHasASuccessfulOutcomeAndItsFilesAsAttachments() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(Stub.ok(Stub.request("DONE", ",\"documents\":[\"a_0.pdf\"]"))));

    RemoteRequest done = adapter.fetch(ID).get();

    assertThat(done.outcome().map(outcome -> outcome.isSuccess())).contains(true);
    assertThat(done.attachments()).containsExactly("a_0.pdf");
  }

  /** A closed request cancelled with a failed outcome is one the request takes as rejected. */
  @ParameterizedTest
  @ValueSource(strings = {"ERROR", "FAILED"})
  void aRequestThatFailedUpstreamIsEndedWithAFailedOutcomeNamingTheState(String state) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(Stub.ok(Stub.request(state, ""))));

    RemoteRequest failed = adapter.fetch(ID).get();

    assertThat(failed.closed()).isTrue();
    assertThat(failed.status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(failed.outcome())
        .contains(new Outcome(state, "upstream ended the request with the state " + state));
  }

  @Test
  void aListLineOfARequestThatFailedUpstreamEndsIt() {
    server.stubFor(
        get(urlEqualTo("/requests")).willReturn(Stub.ok("[" + Stub.request("FAILED", "") + "]")));

    RemoteSummary line = adapter.listAll().get().head();

    assertThat(line.closed()).isTrue();
    assertThat(line.status()).isEqualTo(RequestStatus.CANCELLED);
  }

  @Test
  void theListReadsEachLineWithoutTellingASearchFromTheWaitForAChoice() {
    server.stubFor(
        get(urlEqualTo("/requests"))
            .willReturn(
                Stub.ok(
                    "["
                        + Stub.request("SEARCH", "")
                        + ","
                        + Stub.request("NEW", "").replace(Stub.ID, "5f22f722065afc42223c7132")
                        + "]")));

    List<RemoteSummary> lines = adapter.listAll().get();

    assertThat(lines.map(RemoteSummary::status))
        .containsExactly(RequestStatus.SEARCHING, RequestStatus.ACCEPTED);
    assertThat(lines.map(RemoteSummary::closed)).containsExactly(true, false);
  }
}
