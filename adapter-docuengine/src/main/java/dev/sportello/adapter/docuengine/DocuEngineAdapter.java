package dev.sportello.adapter.docuengine;

import dev.sportello.adapter.openapi.Failures;
import dev.sportello.adapter.openapi.OpenapiClients;
import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCatalog;
import dev.sportello.application.port.out.RemoteDocuments;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.application.port.out.UpstreamQuote;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.control.Either;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote ports over Openapi's DocuEngine API. Build one with {@link #create}; it is safe to
 * share between threads.
 *
 * <p>What charges: {@code POST /requests} always carries {@code state: "NEW"}, so it only makes a
 * draft, which costs nothing. {@code PATCH {"state": "SEARCH"}} closes the draft and charges it
 * (the document and its options, or only the search for a document with a search phase); {@code
 * PATCH {"resultId": …}} then charges the chosen document. Both charging calls are made exactly
 * once; a lost answer is {@link RemoteFailure.OutcomeUnknown}, and a repeat after it is safe:
 * upstream refuses to close a request that is no longer NEW, and after a refusal the request is
 * read (free): one upstream shows closed reads as {@link RemoteFailure.AlreadyClosed}. A refused
 * choice is read back the same way, and is success when the choice made is the one asked for. Reads
 * are retried (see {@link RetryPolicy}).
 *
 * <p>Every failure is one of {@link RemoteFailure}'s types; no library exception leaves this class.
 * Calls are logged at DEBUG with their kind, outcome and latency, never with bodies, values or
 * tokens. The application counts calls itself; this adapter reports nothing to it.
 */
public final class DocuEngineAdapter implements RemoteCatalog, RemoteRequests, RemoteDocuments {
  /** The engine this adapter speaks to, as its certificates and requests are marked. */
  public static final Engine ENGINE = new Engine("docuengine");

  private static final Failures FAILURES = new Failures(ENGINE.name(), new ErrorCodeTable());

  /** The state a close moves a draft (NEW) to. */
  private static final String CLOSE = "SEARCH";

  private final ReadCalls reads;
  private final ChangeCalls changes;
  private final WireReader reader;
  private final DocumentFetcher documents;
  private final OrderMapper orders;

  private DocuEngineAdapter(
      ReadCalls reads, ChangeCalls changes, WireReader reader, DocumentFetcher documents) {
    this.reads = reads;
    this.changes = changes;
    this.reader = reader;
    this.documents = documents;
    this.orders = new OrderMapperImpl();
  }

  /**
   * An adapter for the given settings.
   *
   * @param settings how to reach DocuEngine
   * @return the adapter
   */
  public static DocuEngineAdapter create(DocuEngineSettings settings) {
    return create(settings, Clock.systemUTC(), OpenapiClients.Sleeper.REAL);
  }

  static DocuEngineAdapter create(
      DocuEngineSettings settings, Clock clock, OpenapiClients.Sleeper sleeper) {
    Objects.requireNonNull(settings, "settings");
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    OpenapiClients clients =
        OpenapiClients.create(
            settings, settings.token(), mapper, clock, sleeper, DocuEngineAdapter.class);
    // Its own client: nothing configured for the API (its token above all) reaches the storage.
    DocumentFetcher documents =
        new DocumentFetcher(
            OpenapiClients.httpClient(settings.connectTimeout()),
            settings.readTimeout(),
            settings.userAgent(),
            clock);
    return new DocuEngineAdapter(
        clients.repeating(ReadCalls.class),
        clients.once(ChangeCalls.class),
        new WireReader(mapper),
        documents);
  }

  @Override
  public Either<RemoteFailure, List<CatalogEntry>> listCertificates() {
    return FAILURES.call(
        RemoteCallKind.CATALOGUE,
        Failures.Effect.READ,
        () ->
            reader
                .certificates(reads.documents().data())
                .map(certificates ->
                    certificates.map(certificate ->
                        new CatalogEntry(
                            certificate.id(),
                            certificate.engine(),
                            certificate.name(),
                            certificate.category()))));
  }

  /** Reads the catalogue: DocuEngine describes every document in its one list. */
  @Override
  public Either<RemoteFailure, Certificate> describe(CertificateId id) {
    return FAILURES.call(
        RemoteCallKind.DESCRIBE,
        Failures.Effect.READ,
        () -> reader.certificate(id, reads.documents().data()));
  }

  /** DocuEngine has no test mode: nothing is called. */
  @Override
  public Either<RemoteFailure, UpstreamQuote> test(RemoteOrder order) {
    return Either.left(
        new RemoteFailure.Conflict(
            "no_test_mode", "DocuEngine has no test mode to price an order"));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> createDraft(RemoteOrder order) {
    return FAILURES.call(
        RemoteCallKind.DRAFT,
        Failures.Effect.CHANGE,
        () -> reader.request(changes.create(orders.newRequest(order)).data()));
  }

  /**
   * Closes a draft with {@code PATCH {"state": "SEARCH"}}, the charging call, made once. The OAS
   * does not say how upstream refuses to close a request that is no longer a draft, so after any
   * refusal that may be that one the request is read (free) to tell: one upstream shows closed was
   * closed before, by this call's lost twin.
   */
  @Override
  public Either<RemoteFailure, RemoteRequest> close(UpstreamId id) {
    Either<RemoteFailure, RemoteRequest> closed =
        FAILURES.call(
            RemoteCallKind.CLOSE,
            Failures.Effect.CHANGE,
            () -> reader.request(changes.close(id.value(), new Wire.Close(CLOSE)).data()));
    if (closed.isRight() || !mayBeDoneBefore(closed.getLeft())) {
      return closed;
    }
    return fetch(id)
        .flatMap(request ->
            request.closed()
                ? Either.left(
                    new RemoteFailure.AlreadyClosed("the request was already closed upstream"))
                : closed);
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> fetch(UpstreamId id) {
    return FAILURES.call(
        RemoteCallKind.STATUS,
        Failures.Effect.READ,
        () -> reader.request(reads.request(id.value()).data()));
  }

  /** An account without requests answers 404 with code 221: that is an empty list. */
  @Override
  public Either<RemoteFailure, List<RemoteSummary>> listAll() {
    return FAILURES.listing(RemoteCallKind.LIST, this::summaries);
  }

  /** DocuEngine has one search per request: nothing is called. */
  @Override
  public Either<RemoteFailure, RemoteRequest> addSearch(
      UpstreamId id, SortedMap<FieldKey, String> values) {
    return Either.left(
        new RemoteFailure.Conflict(
            "no_search_rounds", "DocuEngine runs one search per request and takes no other"));
  }

  /**
   * Chooses a result with {@code PATCH {"resultId": …}}, which charges the document, made once. The
   * request is read first (free) for the result's id: the search's id is the request's own, and the
   * index is the result's place in the list. A result already chosen is not chosen again: the same
   * one is success, another a conflict.
   */
  @Override
  public Either<RemoteFailure, RemoteRequest> selectCandidate(
      UpstreamId id, String searchId, int index) {
    if (!searchId.equals(id.value())) {
      return Either.left(
          new RemoteFailure.Conflict("no_such_search", "the request has no search " + searchId));
    }
    return read(RemoteCallKind.SELECTION, id).flatMap(read -> chosen(id, read, index));
  }

  /** Reads a request (free) on behalf of another call, as part of it. */
  private Either<RemoteFailure, Wire.@Nullable Request> read(RemoteCallKind kind, UpstreamId id) {
    return FAILURES.call(
        kind, Failures.Effect.READ, () -> Either.right(reads.request(id.value()).data()));
  }

  private Either<RemoteFailure, RemoteRequest> chosen(
      UpstreamId id, Wire.@Nullable Request read, int index) {
    if (read == null) {
      return Either.left(new RemoteFailure.Malformed("the answer has no request"));
    }
    java.util.List<Wire.Result> results = read.results();
    if (results == null || index < 0 || index >= results.size() || results.get(index) == null) {
      return Either.left(
          new RemoteFailure.Conflict(
              "no_such_candidate", "the request offers no result " + index + " to choose"));
    }
    String published = results.get(index).id();
    String resultId = published == null ? "" : published.strip();
    if (resultId.isEmpty()) {
      return Either.left(new RemoteFailure.Malformed("a search result has no id"));
    }
    String already = read.resultId() == null ? "" : read.resultId().strip();
    if (!already.isEmpty()) {
      return sameChoice(id, read, resultId);
    }
    Either<RemoteFailure, RemoteRequest> chosen =
        FAILURES.call(
            RemoteCallKind.SELECTION,
            Failures.Effect.CHANGE,
            () -> reader.request(changes.choose(id.value(), new Wire.Choose(resultId)).data()));
    if (chosen.isLeft() && mayBeDoneBefore(chosen.getLeft())) {
      // Perhaps this very choice, made by a call whose answer was lost.
      return read(RemoteCallKind.SELECTION, id)
          .flatMap(again ->
              again != null && again.resultId() != null && !again.resultId().isBlank()
                  ? sameChoice(id, again, resultId)
                  : chosen);
    }
    return chosen;
  }

  /**
   * Whether a refused change may be refused because it was made before (the request is then read to
   * tell): any refusal but those that say nothing about the request, which are left as they are.
   */
  private static boolean mayBeDoneBefore(RemoteFailure refusal) {
    return switch (refusal) {
      case RemoteFailure.Rejected ignored -> true;
      case RemoteFailure.NotFound ignored -> true;
      case RemoteFailure.Conflict ignored -> true;
      case RemoteFailure.NotReady ignored -> true;
      case RemoteFailure.AlreadyClosed ignored -> true;
      case RemoteFailure.Malformed ignored -> true;
      case RemoteFailure.OutcomeUnknown ignored -> false;
      case RemoteFailure.Unavailable ignored -> false;
      case RemoteFailure.AccessDenied ignored -> false;
      case RemoteFailure.InsufficientCredit ignored -> false;
    };
  }

  /** A request whose result is already chosen: success when it is the one wanted. */
  private Either<RemoteFailure, RemoteRequest> sameChoice(
      UpstreamId id, Wire.Request read, String wanted) {
    String made = read.resultId() == null ? "" : read.resultId().strip();
    if (made.equals(wanted)) {
      return reader.request(read);
    }
    return Either.left(
        new RemoteFailure.Conflict(
            ErrorCodeTable.NOTHING_TO_CHOOSE,
            "another result of request " + id + " was chosen before"));
  }

  /**
   * DocuEngine has no call to cancel a request, but an open draft needs none: one still NEW was
   * never charged, and never will be unless it is closed, so it is abandoned as it is, and the
   * request is read (free) to tell. A request submitted before cannot be cancelled.
   */
  @Override
  public Either<RemoteFailure, RemoteRequest> cancel(UpstreamId id, String reason) {
    return read(RemoteCallKind.CANCEL, id)
        .flatMap(reader::request)
        .flatMap(request ->
            request.closed()
                ? Either.left(
                    new RemoteFailure.Conflict(
                        "no_cancel", "DocuEngine cannot cancel a request once it is submitted"))
                : Either.right(request));
  }

  @Override
  public Either<RemoteFailure, String> download(UpstreamId id, OutputStream target) {
    return FAILURES.call(
        RemoteCallKind.DOCUMENT,
        Failures.Effect.READ,
        () -> documents.download(id, () -> reads.files(id.value()).data(), target));
  }

  private Either<RemoteFailure, List<RemoteSummary>> summaries() {
    java.util.List<Wire.Request> lines = reads.requests().data();
    return lines == null
        ? Either.right(List.empty())
        : Either.traverseRight(lines, reader::summary).map(List::ofAll);
  }
}
