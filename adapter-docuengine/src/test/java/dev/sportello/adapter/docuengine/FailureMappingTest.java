package dev.sportello.adapter.docuengine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteFailure.Refusal;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error row of DocuEngine's OAS (visengine-api.md §11), and answers it does not mention. */
class FailureMappingTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UpstreamId ID = new UpstreamId(Stub.ID);

  private DocuEngineAdapter adapter;

  @BeforeEach
  void setUp() {
    adapter = Stub.adapter(server.baseUrl());
  }

  /** One port call per endpoint. */
  enum Call {
    DESCRIBE(adapter -> adapter.describe(new CertificateId(Stub.DOCUMENT))),
    LIST(DocuEngineAdapter::listAll),
    CREATE(adapter -> adapter.createDraft(Stub.order())),
    FETCH(adapter -> adapter.fetch(ID)),
    CLOSE(adapter -> adapter.close(ID)),
    DOCUMENT(adapter -> adapter.download(ID, new ByteArrayOutputStream()));

    @SuppressWarnings("ImmutableEnumChecker") // a lambda over the adapter, never changed
    final Function<DocuEngineAdapter, Either<RemoteFailure, ?>> call;

    Call(Function<DocuEngineAdapter, Either<RemoteFailure, ?>> call) {
      this.call = call;
    }
  }

  static Stream<Arguments> documentedErrors() {
    return Stream.of(
        refused(Call.CREATE, 400, 202, "wrong documentId", Refusal.INVALID),
        row(
            Call.CREATE,
            402,
            610,
            "Billing error message: Insufficient Credit in Wallet: 1.20",
            new RemoteFailure.InsufficientCredit(
                "Billing error message: Insufficient Credit in Wallet: 1.20")),
        refused(Call.CREATE, 406, 205, "search must be a key value object", Refusal.INVALID),
        row(
            Call.CREATE,
            417,
            208,
            "document not available at the moment, please try again later",
            new RemoteFailure.Conflict(
                "208", "document not available at the moment, please try again later")),
        row(
            Call.CREATE,
            422,
            320,
            "the company was born this year, the first balance sheet is not yet available",
            new RemoteFailure.Rejected(
                Refusal.INVALID,
                "320",
                "the company was born this year, the first balance sheet is not yet available")),
        refused(
            Call.CREATE,
            428,
            311,
            "object headers not set in 'callback', required",
            Refusal.INCOMPLETE),
        row(
            Call.FETCH,
            404,
            223,
            "no request matches this id: " + Stub.ID,
            new RemoteFailure.NotFound("no request matches this id: " + Stub.ID)),
        row(Call.FETCH, 406, 222, "id not valid", new RemoteFailure.NotFound("id not valid")),
        row(Call.DOCUMENT, 406, 222, "id not valid", new RemoteFailure.NotFound("id not valid")),
        row(
            Call.DOCUMENT,
            422,
            225,
            "documents not yet available",
            new RemoteFailure.NotReady("documents not yet available")),
        row(
            Call.CLOSE,
            402,
            610,
            "Billing error message: Insufficient Credit in Wallet: 0.00",
            new RemoteFailure.InsufficientCredit(
                "Billing error message: Insufficient Credit in Wallet: 0.00")),
        row(Call.CLOSE, 406, 210, "id not valid", new RemoteFailure.NotFound("id not valid")),
        row(
            Call.CLOSE,
            417,
            316,
            "document not available at the moment, please try again later",
            new RemoteFailure.Conflict(
                "316", "document not available at the moment, please try again later")),
        refused(Call.CLOSE, 428, 209, "id required", Refusal.INCOMPLETE));
  }

  /** A refusal for its content, with upstream's code and message. */
  private static Arguments refused(
      Call call, int status, int code, String message, Refusal reason) {
    return row(
        call,
        status,
        code,
        message,
        new RemoteFailure.Rejected(reason, Integer.toString(code), message));
  }

  private static Arguments row(
      Call call, int status, int code, String message, RemoteFailure expected) {
    return Arguments.of(call, status, code, message, expected);
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("documentedErrors")
  void mapsEveryDocumentedError(
      Call call, int status, int code, String message, RemoteFailure expected) {
    server.stubFor(any(anyUrl()).willReturn(Stub.failure(status, code, message)));

    assertThat(call.call.apply(adapter).getLeft()).isEqualTo(expected);
  }

  @Test
  void theListsNoRequestsErrorIsAnEmptyList() {
    server.stubFor(
        any(anyUrl()).willReturn(Stub.failure(404, 221, "no requests related to your account")));

    assertThat(adapter.listAll().get()).isEmpty();
  }

  @Test
  void aCloseRefusedForItsContentIsRejectedWhenTheRequestIsStillADraft() {
    server.stubFor(
        patch(urlEqualTo("/requests/" + Stub.ID))
            .willReturn(
                Stub.failure(400, 300, "no fields were accepted, check the search object")));
    server.stubFor(
        get(urlEqualTo("/requests/" + Stub.ID)).willReturn(Stub.ok(Stub.request("NEW", ""))));

    assertThat(adapter.close(ID).getLeft())
        .isEqualTo(
            new RemoteFailure.Rejected(
                Refusal.INVALID, "300", "no fields were accepted, check the search object"));
  }

  @Test
  void aCloseRefusedBecauseTheRequestIsNoLongerADraftIsAlreadyClosed() {
    server.stubFor(
        patch(urlEqualTo("/requests/" + Stub.ID))
            .willReturn(
                Stub.failure(400, 300, "no fields were accepted, check the search object")));
    server.stubFor(
        get(urlEqualTo("/requests/" + Stub.ID)).willReturn(Stub.ok(Stub.request("WAIT", ""))));

    assertThat(adapter.close(ID).getLeft()).isInstanceOf(RemoteFailure.AlreadyClosed.class);
  }

  /** A close refused with the given status and code, on a request that reads as shown. */
  private static void closeRefusedOn(int status, int code, String shown) {
    server.stubFor(
        patch(urlEqualTo("/requests/" + Stub.ID))
            .willReturn(Stub.failure(status, code, "refused")));
    server.stubFor(get(urlEqualTo("/requests/" + Stub.ID)).willReturn(Stub.ok(shown)));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"406,210", "422,213", "417,316", "404,223", "400,202"})
  void aRepeatedCloseRefusedWithAnyCodeIsAlreadyClosedWhenUpstreamShowsItWaiting(
      int status, int code) {
    closeRefusedOn(status, code, Stub.request("WAIT", ""));

    assertThat(adapter.close(ID).getLeft()).isInstanceOf(RemoteFailure.AlreadyClosed.class);
  }

  @Test
  void aCloseRefusedOnARequestCancelledAfterItReachedSearchIsAlreadyClosed() {
    closeRefusedOn(406, 210, Stub.request("CANCELLED", ",\"SEARCH\":1700000050", ""));

    assertThat(adapter.close(ID).getLeft()).isInstanceOf(RemoteFailure.AlreadyClosed.class);
  }

  @Test
  void aCloseRefusedOnADraftCancelledBeforeItWasClosedIsThatRefusal() {
    closeRefusedOn(406, 210, Stub.request("CANCELLED", ",\"NEW\":1700000000", ""));

    assertThat(adapter.close(ID).getLeft()).isEqualTo(new RemoteFailure.NotFound("refused"));
  }

  static Stream<Arguments> refusalsThatSayNothingAboutTheRequest() {
    return Stream.of(
        Arguments.of(402, 610, new RemoteFailure.InsufficientCredit("refused")),
        Arguments.of(
            401,
            401,
            new RemoteFailure.AccessDenied(RemoteFailure.Denial.UNAUTHENTICATED, "refused")));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("refusalsThatSayNothingAboutTheRequest")
  void aCloseRefusedForCreditOrCredentialsIsNotReadBack(
      int status, int code, RemoteFailure expected) {
    closeRefusedOn(status, code, Stub.request("WAIT", ""));

    assertThat(adapter.close(ID).getLeft()).isEqualTo(expected);
    server.verify(0, getRequestedFor(urlEqualTo("/requests/" + Stub.ID)));
  }

  @Test
  void aCloseRefusedWhileTheRequestCannotBeReadIsThatReadsFailure() {
    server.stubFor(
        patch(urlEqualTo("/requests/" + Stub.ID))
            .willReturn(
                Stub.failure(400, 300, "no fields were accepted, check the search object")));
    server.stubFor(get(urlEqualTo("/requests/" + Stub.ID)).willReturn(aResponse().withStatus(503)));

    assertThat(adapter.close(ID).getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
  }

  @Test
  void aRefusedTokenSaysWhetherItIsUnknownOrNotAllowedTheCall() {
    server.stubFor(any(anyUrl()).willReturn(Stub.failure(401, 401, "invalid token")));
    assertThat(adapter.fetch(ID).getLeft())
        .isEqualTo(
            new RemoteFailure.AccessDenied(RemoteFailure.Denial.UNAUTHENTICATED, "invalid token"));

    server.stubFor(any(anyUrl()).willReturn(Stub.failure(403, 403, "scope missing")));
    assertThat(adapter.fetch(ID).getLeft())
        .isEqualTo(
            new RemoteFailure.AccessDenied(RemoteFailure.Denial.NOT_PERMITTED, "scope missing"));
  }

  @Test
  void whatHasNoCallUpstreamIsAConflictWithoutACall() {
    assertThat(adapter.test(Stub.order()).getLeft())
        .isEqualTo(
            new RemoteFailure.Conflict(
                "no_test_mode", "DocuEngine has no test mode to price an order"));
    assertThat(adapter.addSearch(ID, TreeMap.of(new FieldKey("field0"), "x")).getLeft())
        .isInstanceOfSatisfying(
            RemoteFailure.Conflict.class,
            conflict -> assertThat(conflict.code()).isEqualTo("no_search_rounds"));
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  static Stream<Arguments> undocumentedAnswers() {
    return Stream.of(
        Arguments.of(Call.FETCH, html(500), RemoteFailure.Unavailable.class, "HTTP 500"),
        Arguments.of(Call.DESCRIBE, html(502), RemoteFailure.Unavailable.class, "HTTP 502"),
        Arguments.of(Call.DOCUMENT, html(503), RemoteFailure.Unavailable.class, "HTTP 503"),
        Arguments.of(Call.CREATE, html(500), RemoteFailure.OutcomeUnknown.class, "HTTP 500"),
        Arguments.of(
            Call.CLOSE,
            aResponse().withStatus(504),
            RemoteFailure.OutcomeUnknown.class,
            "HTTP 504 with an empty body"),
        Arguments.of(Call.FETCH, html(404), RemoteFailure.Unavailable.class, "HTTP 404"),
        Arguments.of(
            Call.FETCH,
            aResponse().withStatus(200).withBody("<html>maintenance</html>"),
            RemoteFailure.Malformed.class,
            "maintenance"),
        Arguments.of(
            Call.LIST,
            aResponse().withStatus(200).withBody("[1,2"),
            RemoteFailure.Malformed.class,
            "HTTP 200"),
        Arguments.of(
            Call.CLOSE,
            aResponse().withStatus(200).withBody("<html>ok?</html>"),
            RemoteFailure.OutcomeUnknown.class,
            "ok?"),
        Arguments.of(
            Call.CREATE,
            aResponse().withStatus(200),
            RemoteFailure.OutcomeUnknown.class,
            "empty body"),
        Arguments.of(
            Call.FETCH,
            Stub.failure(429, 429, "slow down"),
            RemoteFailure.Unavailable.class,
            "slow down"));
  }

  private static ResponseDefinitionBuilder html(int status) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/html")
        .withBody("<html><body><p>Something broke</p>" + "x".repeat(5000) + "</body></html>");
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("undocumentedAnswers")
  void everyUndocumentedAnswerIsTyped(
      Call call,
      ResponseDefinitionBuilder answer,
      Class<? extends RemoteFailure> type,
      String message) {
    server.stubFor(any(anyUrl()).willReturn(answer));

    RemoteFailure failure = call.call.apply(adapter).getLeft();

    assertThat(failure).isInstanceOf(type);
    assertThat(failure.message()).contains(message).doesNotContain("<", Stub.TOKEN);
    assertThat(failure.message().length()).isLessThan(300);
  }
}
