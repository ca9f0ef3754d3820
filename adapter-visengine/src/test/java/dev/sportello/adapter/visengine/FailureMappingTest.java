package dev.sportello.adapter.visengine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error row of visengine-api.md §6, and the answers the documentation does not mention. */
class FailureMappingTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UpstreamId ID = new UpstreamId(Stub.ID);

  private VisengineAdapter adapter;

  @BeforeEach
  void setUp() {
    adapter = Stub.adapter(server.baseUrl());
  }

  /** One port call per endpoint. */
  enum Call {
    DESCRIBE(adapter -> adapter.describe(new CertificateId(Stub.HASH))),
    LIST(VisengineAdapter::listAll),
    CREATE(adapter -> adapter.createDraft(order())),
    FETCH(adapter -> adapter.fetch(ID)),
    SEARCH(adapter -> adapter.addSearch(ID, TreeMap.of(new FieldKey("$0"), "x"))),
    CLOSE(adapter -> adapter.close(ID)),
    CHOOSE(adapter -> adapter.selectCandidate(ID, Stub.ID + "_0", 0)),
    DOCUMENT(adapter -> adapter.download(ID, new ByteArrayOutputStream())),
    CANCEL(adapter -> adapter.cancel(ID, "x"));

    @SuppressWarnings("ImmutableEnumChecker") // a lambda over the adapter, never changed
    final Function<VisengineAdapter, Either<RemoteFailure, ?>> call;

    Call(Function<VisengineAdapter, Either<RemoteFailure, ?>> call) {
      this.call = call;
    }
  }

  private static RemoteOrder order() {
    return new RemoteOrder(
        new CertificateId(Stub.HASH),
        TreeMap.of(new FieldKey("$0"), "x"),
        List.empty(),
        Option.none(),
        Option.none());
  }

  static Stream<Arguments> documentedErrors() {
    return Stream.of(
        row(
            Call.DESCRIBE,
            "oas/get_visure_hash_visura_400.json",
            400,
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, "200", "wrong hash_visura")),
        row(
            Call.CREATE,
            "oas/post_richiesta_400.json",
            400,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INVALID, "209", "email is considered invalid!")),
        row(
            Call.CREATE,
            "oas/post_richiesta_402.json",
            402,
            new RemoteFailure.InsufficientCredit("Insufficient Credit in Wallet: 182.03")),
        row(
            Call.CREATE,
            "oas/post_richiesta_412.json",
            412,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INVALID,
                "250",
                "Insufficient data to validate the request:")),
        row(
            Call.CREATE,
            "oas/post_richiesta_428.json",
            428,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INCOMPLETE, "204", "hash_visura required")),
        row(
            Call.FETCH,
            "oas/get_richiesta_id_400.json",
            400,
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, "201", "Invalid id")),
        row(
            Call.FETCH,
            "oas/get_richiesta_id_404.json",
            404,
            new RemoteFailure.NotFound("no request matches this id: t56yh843827583475g875hgj")),
        row(
            Call.SEARCH,
            "oas/post_richiesta_id_400.json",
            400,
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, "219", "Invalid id")),
        row(
            Call.SEARCH,
            "oas/post_richiesta_id_402.json",
            402,
            new RemoteFailure.InsufficientCredit("Insufficient Credit in Wallet: 182.03")),
        row(
            Call.SEARCH,
            "oas/post_richiesta_id_404.json",
            404,
            new RemoteFailure.Conflict("221", "the request is in state 0, not yet finalized")),
        row(
            Call.SEARCH,
            "oas/post_richiesta_id_409.json",
            409,
            new RemoteFailure.Conflict(
                "222", "this request does not allow the addition of a search")),
        row(
            Call.SEARCH,
            "oas/post_richiesta_id_412.json",
            412,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INVALID,
                "250",
                "Insufficient data to validate the request:")),
        row(
            Call.SEARCH,
            "oas/post_richiesta_id_428.json",
            428,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INCOMPLETE, "224", "json_visura required")),
        row(
            Call.CLOSE,
            "oas/put_richiesta_id_400.json",
            400,
            new RemoteFailure.AlreadyClosed("the request has already been closed")),
        row(
            Call.CLOSE,
            "oas/put_richiesta_id_404.json",
            404,
            new RemoteFailure.NotFound("no requests matches this id: 342tfdt567yhgy8897ujt454")),
        row(
            Call.CLOSE,
            "oas/put_richiesta_id_412.json",
            412,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INVALID, "229", "error in the input data:")),
        row(
            Call.CLOSE,
            "oas/put_richiesta_id_428.json",
            428,
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INCOMPLETE, "226", "id required")),
        row(
            Call.CHOOSE,
            "oas/put_richiesta_id_ricerche_400.json",
            400,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INVALID, "234", "indice must be >= 0")),
        row(
            Call.CHOOSE,
            "oas/put_richiesta_id_ricerche_402.json",
            402,
            new RemoteFailure.InsufficientCredit("Insufficient Credit in Wallet: 182.03")),
        row(
            Call.CHOOSE,
            "oas/put_richiesta_id_ricerche_404.json",
            404,
            new RemoteFailure.NotFound("no requests matches this id: tr546547uyyhhg64545r4f4546")),
        row(
            Call.CHOOSE,
            "oas/put_richiesta_id_ricerche_409.json",
            409,
            new RemoteFailure.Conflict(
                "230",
                "the request does not produce results to choose from, it is processed directly with the POST")),
        row(
            Call.CHOOSE,
            "oas/put_richiesta_id_ricerche_428.json",
            428,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INCOMPLETE, "233", "indice not valid or required")),
        row(
            Call.DOCUMENT,
            "oas/get_documento_id_400.json",
            400,
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, "243", "Invalid id")),
        row(
            Call.DOCUMENT,
            "oas/get_documento_id_404.json",
            404,
            new RemoteFailure.NotFound("no requests matches this id: 4345uygyug578754g")),
        row(
            Call.DOCUMENT,
            "oas/get_documento_id_422.json",
            422,
            new RemoteFailure.NotReady("document not yet available")),
        row(
            Call.DOCUMENT,
            "oas/get_documento_id_428.json",
            428,
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INCOMPLETE, "242", "id required")));
  }

  private static Arguments row(Call call, String fixture, int status, RemoteFailure expected) {
    return Arguments.of(call, fixture, status, expected);
  }

  @ParameterizedTest(name = "{0} {2} {1}")
  @MethodSource("documentedErrors")
  void mapsEveryDocumentedError(Call call, String fixture, int status, RemoteFailure expected) {
    server.stubFor(any(anyUrl()).willReturn(Stub.json(status, Stub.fixture(fixture))));

    assertThat(call.call.apply(adapter).getLeft()).isEqualTo(expected);
  }

  @Test
  void theListsNoRequestsErrorIsAnEmptyList() {
    server.stubFor(
        any(anyUrl()).willReturn(Stub.json(404, Stub.fixture("oas/get_richiesta_404.json"))));
    assertThat(adapter.listAll().get()).isEmpty();
  }

  @Test
  void theCodeDecidesBeforeTheStatusEvenOnHttp200() {
    server.stubFor(
        any(anyUrl()).willReturn(Stub.failure(200, 239, "the request has already been closed")));
    assertThat(adapter.close(ID).getLeft()).isInstanceOf(RemoteFailure.AlreadyClosed.class);

    server.stubFor(
        any(anyUrl()).willReturn(Stub.failure(200, 211, "Insufficient Credit in Wallet: 1")));
    assertThat(adapter.createDraft(order()).getLeft())
        .isInstanceOf(RemoteFailure.InsufficientCredit.class);

    server.stubFor(any(anyUrl()).willReturn(Stub.failure(200, 247, "document not yet available")));
    assertThat(adapter.download(ID, new ByteArrayOutputStream()).getLeft())
        .isInstanceOf(RemoteFailure.NotReady.class);

    server.stubFor(
        any(anyUrl()).willReturn(Stub.failure(400, 203, "no request related to your account")));
    assertThat(adapter.listAll().get()).isEmpty();
  }

  @Test
  void anHttp200WithSuccessFalseAndNoCodeIsRejected() {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                Stub.json(
                    200, "{\"success\":false,\"message\":\"no\",\"error\":null,\"data\":null}")));

    assertThat(adapter.fetch(ID).getLeft())
        .isEqualTo(new RemoteFailure.Rejected(RemoteFailure.Refusal.UNSPECIFIED, "http_200", "no"));
  }

  @Test
  void aRefusedTokenSaysWhetherItIsUnknownOrNotAllowedTheCall() {
    server.stubFor(any(anyUrl()).willReturn(Stub.failure(401, 0, "invalid token")));
    assertThat(adapter.fetch(ID).getLeft())
        .isEqualTo(
            new RemoteFailure.AccessDenied(RemoteFailure.Denial.UNAUTHENTICATED, "invalid token"));

    server.stubFor(any(anyUrl()).willReturn(Stub.failure(403, 0, "scope missing")));
    assertThat(adapter.fetch(ID).getLeft())
        .isEqualTo(
            new RemoteFailure.AccessDenied(RemoteFailure.Denial.NOT_PERMITTED, "scope missing"));
  }

  static Stream<Arguments> undocumentedAnswers() {
    ResponseDefinitionBuilder html401 =
        aResponse()
            .withStatus(401)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body><h1>401 Unauthorized</h1></body></html>");
    return Stream.of(
        Arguments.of(
            Call.FETCH,
            Stub.failure(401, 0, "invalid token"),
            RemoteFailure.AccessDenied.class,
            "invalid token"),
        Arguments.of(
            Call.CREATE, html401, RemoteFailure.AccessDenied.class, "HTTP 401: 401 Unauthorized"),
        Arguments.of(
            Call.CLOSE,
            aResponse().withStatus(403),
            RemoteFailure.AccessDenied.class,
            "HTTP 403 with an empty body"),
        Arguments.of(
            Call.FETCH,
            html(500),
            RemoteFailure.Unavailable.class,
            "HTTP 500: Internal Server Error Something broke"),
        Arguments.of(Call.DESCRIBE, html(502), RemoteFailure.Unavailable.class, "HTTP 502"),
        Arguments.of(Call.DOCUMENT, html(503), RemoteFailure.Unavailable.class, "HTTP 503"),
        Arguments.of(Call.CREATE, html(500), RemoteFailure.OutcomeUnknown.class, "HTTP 500"),
        Arguments.of(
            Call.CHOOSE,
            aResponse().withStatus(504),
            RemoteFailure.OutcomeUnknown.class,
            "HTTP 504 with an empty body"),
        Arguments.of(
            Call.CANCEL,
            Stub.failure(500, 999, "oops"),
            RemoteFailure.OutcomeUnknown.class,
            "oops"),
        Arguments.of(Call.FETCH, html(404), RemoteFailure.Unavailable.class, "HTTP 404"),
        Arguments.of(Call.SEARCH, html(404), RemoteFailure.Unavailable.class, "HTTP 404"),
        Arguments.of(
            Call.FETCH,
            aResponse().withStatus(200).withBody("<html>maintenance</html>"),
            RemoteFailure.Malformed.class,
            "maintenance"),
        Arguments.of(
            Call.FETCH,
            aResponse().withStatus(200),
            RemoteFailure.Malformed.class,
            "HTTP 200 with an empty body"),
        Arguments.of(
            Call.LIST,
            aResponse().withStatus(200).withBody("[1,2"),
            RemoteFailure.Malformed.class,
            "HTTP 200"),
        Arguments.of(
            Call.SEARCH,
            aResponse().withStatus(200).withBody("<html>ok?</html>"),
            RemoteFailure.OutcomeUnknown.class,
            "ok?"),
        Arguments.of(
            Call.CREATE,
            aResponse().withStatus(200),
            RemoteFailure.OutcomeUnknown.class,
            "empty body"),
        Arguments.of(
            Call.DOCUMENT,
            aResponse().withStatus(200).withBody("<html>x</html>"),
            RemoteFailure.Malformed.class,
            "not"),
        Arguments.of(
            Call.FETCH,
            Stub.failure(429, 0, "slow down"),
            RemoteFailure.Unavailable.class,
            "slow down"),
        Arguments.of(
            Call.FETCH, Stub.failure(418, 0, "teapot"), RemoteFailure.Rejected.class, "teapot"));
  }

  private static ResponseDefinitionBuilder html(int status) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/html")
        .withBody(
            "<!DOCTYPE html>\n<html><head><style>body{color:red}</style><title>Internal Server Error</title></head>"
                + "<body>\n  <p>Something   broke</p>"
                + "x".repeat(5000)
                + "</body></html>");
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
