package dev.sportello.application.service;

import dev.sportello.application.port.in.AddSearchUseCase;
import dev.sportello.application.port.in.CancelRequestUseCase;
import dev.sportello.application.port.in.GetRequestUseCase;
import dev.sportello.application.port.in.ListRequestsQuery;
import dev.sportello.application.port.in.ListRequestsUseCase;
import dev.sportello.application.port.in.RefreshRequestUseCase;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.SelectCandidateUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.PageRequest;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RequestFilter;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.submission.SubmissionCheck;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/** Reads a caller's requests and carries out what the caller asks of one. */
final class RequestService
    implements GetRequestUseCase,
        ListRequestsUseCase,
        RefreshRequestUseCase,
        AddSearchUseCase,
        SelectCandidateUseCase,
        CancelRequestUseCase {
  private static final int MAX_REASON_LENGTH = 500;

  private final Requests requests;
  private final RequestRepository repository;
  private final Engines engines;
  private final Reconciler reconciler;
  private final CatalogService catalog;
  private final SpendingService spending;
  private final ValuePolicy policy;
  private final Clock clock;

  RequestService(
      Requests requests,
      RequestRepository repository,
      Engines engines,
      Reconciler reconciler,
      CatalogService catalog,
      SpendingService spending,
      ValuePolicy policy,
      Clock clock) {
    this.requests = requests;
    this.spending = spending;
    this.repository = repository;
    this.engines = engines;
    this.reconciler = reconciler;
    this.catalog = catalog;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseError, CertificateRequest> get(RequestQuery query) {
    return requests.load(query).map(Stored::value);
  }

  @Override
  public Either<UseCaseError, RequestListing> list(ListRequestsQuery query) {
    List<Violation> problems = List.empty();
    Option<RequestStatus> status = Option.none();
    if (query.status().isDefined()) {
      status =
          List.of(RequestStatus.values())
              .find(s -> s.name().equals(query.status().get().strip().toUpperCase(Locale.ROOT)));
      if (status.isEmpty()) {
        problems =
            problems.append(
                Violation.general(
                    "status",
                    "unknown_status",
                    "no such status; use one of "
                        + List.of(RequestStatus.values()).mkString(", ")));
      }
    }
    Option<CertificateId> certificateId = Option.none();
    if (query.certificateId().isDefined()) {
      var parsed = CertificateId.parse(query.certificateId().get());
      if (parsed.isInvalid()) {
        problems = problems.append(parsed.getError());
      } else {
        certificateId = Option.some(parsed.get());
      }
    }
    Option<PageRequest.Position> after = Option.none();
    if (query.cursor().isDefined()) {
      after =
          Cursors.decode(query.cursor().get())
              .flatMap(position ->
                  RequestId.parse(position._2)
                      .toOption()
                      .map(id -> new PageRequest.Position(position._1, id)));
      if (after.isEmpty()) {
        problems = problems.append(Cursors.unknownCursor());
      }
    }
    problems = problems.appendAll(Cursors.limitOutside(query.limit(), PageRequest.MAX_LIMIT));
    if (!problems.isEmpty()) {
      return Either.left(new UseCaseError.InvalidInput(problems));
    }
    RequestFilter filter =
        new RequestFilter(query.caller(), status, certificateId, query.reference());
    return repository
        .list(filter, new PageRequest(after, query.limit()))
        .mapLeft(Failures::of)
        .map(page ->
            new RequestListing(
                page.items(),
                page.next().map(next -> Cursors.encode(next.createdAt(), next.id().value()))));
  }

  @Override
  public Either<UseCaseError, CertificateRequest> refresh(RequestQuery query) {
    return requests
        .load(query)
        .flatMap(stored ->
            stored
                .value()
                .upstreamId()
                .fold(
                    () -> Either.right(stored.value()),
                    upstreamId ->
                        remoteOf(stored)
                            .flatMap(remote ->
                                remoteThenApply(stored, remote.fetch(upstreamId), Either::right))));
  }

  @Override
  public Either<UseCaseError, CertificateRequest> addSearch(AddSearchCommand command) {
    return requests
        .load(command.request())
        .flatMap(stored ->
            catalog
                .certificate(stored.value().certificateId())
                .flatMap(certificate ->
                    stored
                        .value()
                        .searchTarget(certificate)
                        .mapLeft(Failures::of)
                        .flatMap(upstreamId ->
                            searchValues(stored.value(), certificate, command)
                                .flatMap(values ->
                                    remoteOf(stored)
                                        .flatMap(remote ->
                                            spending
                                                .reserveAddedSearch(stored.value())
                                                .flatMap(reserved ->
                                                    remoteThenApply(
                                                        stored,
                                                        spending.releasedUnlessCharged(
                                                            reserved.charge(),
                                                            remote.addSearch(upstreamId, values)),
                                                        Either::right)))))));
  }

  /** The values of a new search, checked together with those of the request. */
  private Either<UseCaseError, SortedMap<FieldKey, String>> searchValues(
      CertificateRequest request, Certificate certificate, AddSearchCommand command) {
    var merged =
        request
            .submission()
            .values()
            .map((key, value) -> io.vavr.Tuple.of(key.toString(), value))
            .toMap(t -> t)
            .merge(command.values());
    return SubmissionCheck.check(
            certificate, merged, request.submission().extras().map(e -> e.key()), policy)
        .toEither()
        .<UseCaseError>mapLeft(UseCaseError.InvalidInput::new)
        .map(checked ->
            checked.values().filterKeys(key -> command.values().containsKey(key.toString())));
  }

  @Override
  public Either<UseCaseError, CertificateRequest> select(SelectCandidateCommand command) {
    return requests
        .load(command.request())
        .flatMap(stored ->
            stored
                .value()
                .selectionTarget(command.searchId(), command.index())
                .mapLeft(Failures::of)
                .flatMap(upstreamId ->
                    remoteOf(stored)
                        .flatMap(remote ->
                            remote
                                .selectCandidate(upstreamId, command.searchId(), command.index())
                                .mapLeft(Failures::of)))
                .flatMap(answer -> {
                  Instant now = clock.instant();
                  return requests
                      .modify(
                          stored,
                          // Upstream took the choice: record it even if a re-read moved the request
                          // on.
                          request ->
                              request
                                  .recordSelection(command.searchId(), command.index(), now)
                                  .mapLeft(Failures::of)
                                  .map(chosen -> reconciler.apply(chosen, answer, now)))
                      .map(Stored::value);
                }));
  }

  @Override
  public Either<UseCaseError, CertificateRequest> cancel(CancelRequestCommand command) {
    String reason = command.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_REASON_LENGTH) {
      return Either.left(
          new UseCaseError.InvalidInput(
              List.of(
                  Violation.general(
                      "reason",
                      "invalid_reason",
                      "a reason of 1 to " + MAX_REASON_LENGTH + " characters is required"))));
    }
    Function<CertificateRequest, Either<UseCaseError, CertificateRequest>> cancelLocally =
        current -> current.cancel(reason, clock.instant()).mapLeft(Failures::of);
    return requests
        .load(command.request())
        .flatMap(stored ->
            stored
                .value()
                .cancellationTarget()
                .mapLeft(Failures::of)
                .flatMap(upstream ->
                    switch (upstream) {
                      case Dispatch.NotSent notSent ->
                          requests.modify(stored, cancelLocally).map(Stored::value);
                      // A close already sent may still take effect upstream, where cancelling
                      // the draft might not stop it: the request would be paid and forgotten.
                      case Dispatch.Drafted drafted when drafted.closeAttempts() > 0 ->
                          Either.left(
                              new UseCaseError.UpstreamConflict(
                                  "the request was sent to be processed and upstream has not said"
                                      + " yet whether it took it; try again after the next sync"));
                      case Dispatch.Drafted drafted ->
                          remoteOf(stored)
                              .flatMap(remote -> {
                                Either<RemoteFailure, RemoteRequest> cancelled =
                                    remote.cancel(drafted.id(), reason);
                                // A draft upstream no longer knows cannot be charged any more.
                                return cancelled
                                        .swap()
                                        .exists(RemoteFailure.NotFound.class::isInstance)
                                    ? requests.modify(stored, cancelLocally).map(Stored::value)
                                    : remoteThenApply(stored, cancelled, cancelLocally);
                              });
                      case Dispatch.Closed closed ->
                          remoteOf(stored)
                              .flatMap(remote ->
                                  remoteThenApply(
                                      stored, remote.cancel(closed.id(), reason), cancelLocally));
                    }));
  }

  /** The ports of the engine that processes the request. */
  private Either<UseCaseError, CountedRemote> remoteOf(Stored<CertificateRequest> stored) {
    return engines.of(stored.value().engine());
  }

  /** Applies upstream's answer to a call, then a local change, storing the result once. */
  private Either<UseCaseError, CertificateRequest> remoteThenApply(
      Stored<CertificateRequest> stored,
      Either<RemoteFailure, RemoteRequest> answer,
      Function<CertificateRequest, Either<UseCaseError, CertificateRequest>> then) {
    Instant now = clock.instant();
    return answer
        .mapLeft(Failures::of)
        .flatMap(view ->
            requests
                .modify(stored, request -> then.apply(reconciler.apply(request, view, now)))
                .map(Stored::value));
  }
}
