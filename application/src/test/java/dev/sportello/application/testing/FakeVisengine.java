package dev.sportello.application.testing;

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
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.SortedMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A small simulation of Visengine for tests: a catalogue of registered certificates, drafts that
 * cost nothing, closes that charge once, statuses that the test moves, search rounds with
 * candidates, and documents as bytes.
 *
 * <p>Faults are injected per kind of call: {@link #failNext} makes the next call fail without
 * effect; {@link #loseNextAnswer} lets the next call take effect and then answers {@link
 * RemoteFailure.OutcomeUnknown}, as a timeout after sending would; {@link #failUntilRestored} makes
 * every call of a kind fail until {@link #restore}. That is how the crash and timeout points of the
 * protocols are reached.
 *
 * <p>Upstream's last-update time is the clock's time, moved on by a millisecond whenever the clock
 * stands still, so that every change is visible in the list. All methods are synchronised.
 */
public final class FakeVisengine implements RemoteCatalog, RemoteRequests, RemoteDocuments {
  private final Clock clock;
  private Map<CertificateId, Certificate> catalogue = LinkedHashMap.empty();
  private Map<UpstreamId, Upstream> requests = LinkedHashMap.empty();
  private Map<RemoteCallKind, List<Fault>> faults = LinkedHashMap.empty();
  private Map<RemoteCallKind, RemoteFailure> outages = LinkedHashMap.empty();
  private long nextId = 0x5f22f722065afc42L;
  private Instant lastTick = Instant.EPOCH;

  public FakeVisengine(Clock clock) {
    this.clock = clock;
  }

  /** A fault waiting for the next call of its kind. */
  private sealed interface Fault {
    record Fail(RemoteFailure failure) implements Fault {}

    record LoseAnswer() implements Fault {}
  }

  /** One request as upstream keeps it. */
  private record Upstream(
      UpstreamId id,
      RemoteOrder order,
      boolean closed,
      RequestStatus status,
      List<SearchRound> searches,
      Option<Tuple2<String, Integer>> selection,
      Option<Outcome> outcome,
      Option<String> cancellationReason,
      Option<byte[]> document,
      int charges,
      int searchCharges,
      Instant lastUpdate) {

    RemoteRequest view() {
      return new RemoteRequest(
          id,
          closed,
          status,
          searches,
          selection,
          outcome,
          document.isDefined() ? List.of(id + ".pdf") : List.empty(),
          cancellationReason,
          lastUpdate);
    }

    RemoteSummary summary() {
      RequestStatus coarse =
          status == RequestStatus.AWAITING_SELECTION ? RequestStatus.SEARCHING : status;
      return new RemoteSummary(id, closed, coarse, lastUpdate);
    }
  }

  // ---- the test's controls --------------------------------------------------------------------

  /** Adds a certificate to the catalogue, or replaces it. */
  public synchronized FakeVisengine register(Certificate certificate) {
    catalogue = catalogue.put(certificate.id(), certificate);
    return this;
  }

  /** The next call of the kind fails with the given failure and has no effect. */
  public synchronized void failNext(RemoteCallKind kind, RemoteFailure failure) {
    enqueue(kind, new Fault.Fail(failure));
  }

  /** The next call of the kind takes effect, then its answer is lost. */
  public synchronized void loseNextAnswer(RemoteCallKind kind) {
    enqueue(kind, new Fault.LoseAnswer());
  }

  /** Every call of the kind fails with the given failure, without effect, until restored. */
  public synchronized void failUntilRestored(RemoteCallKind kind, RemoteFailure failure) {
    outages = outages.put(kind, failure);
  }

  public synchronized void restore(RemoteCallKind kind) {
    outages = outages.remove(kind);
  }

  /** Moves a request to a status, as an operator would; a document comes with the data. */
  public synchronized void advance(UpstreamId id, RequestStatus status) {
    Upstream current = existing(id);
    Option<byte[]> document =
        current
            .document()
            .orElse(() ->
                status == RequestStatus.DATA_AVAILABLE || status == RequestStatus.FULFILLED
                    ? Option.some(("document of " + id).getBytes(StandardCharsets.UTF_8))
                    : Option.none());
    Option<Outcome> outcome =
        status == RequestStatus.FULFILLED
            ? current.outcome().orElse(Option.some(new Outcome("0", "Visura evasa")))
            : current.outcome();
    save(
        new Upstream(
            id,
            current.order(),
            current.closed(),
            status,
            current.searches(),
            current.selection(),
            outcome,
            current.cancellationReason(),
            document,
            current.charges(),
            current.searchCharges(),
            tick()));
  }

  /** Sets the bytes of a request's document. */
  public synchronized void attachDocument(UpstreamId id, byte[] bytes) {
    Upstream current = existing(id);
    save(
        new Upstream(
            id,
            current.order(),
            current.closed(),
            current.status(),
            current.searches(),
            current.selection(),
            current.outcome(),
            current.cancellationReason(),
            Option.some(bytes.clone()),
            current.charges(),
            current.searchCharges(),
            tick()));
  }

  /** Completes the latest search round with candidates: the request awaits a selection. */
  public synchronized void completeSearch(UpstreamId id, List<SearchCandidate> candidates) {
    Upstream current = existing(id);
    SearchRound running = current.searches().last();
    List<SearchRound> searches =
        current
            .searches()
            .init()
            .append(new SearchRound(running.searchId(), SearchRound.State.COMPLETED, candidates));
    save(
        new Upstream(
            id,
            current.order(),
            current.closed(),
            RequestStatus.AWAITING_SELECTION,
            searches,
            current.selection(),
            current.outcome(),
            current.cancellationReason(),
            current.document(),
            current.charges(),
            current.searchCharges(),
            tick()));
  }

  /** How many times the request's document was charged (closes that took effect). */
  public synchronized int charges(UpstreamId id) {
    return requests.get(id).map(Upstream::charges).getOrElse(0);
  }

  /** Document charges over the whole account. */
  public synchronized int totalCharges() {
    return requests.values().map(Upstream::charges).sum().intValue();
  }

  /** How many extra search rounds the request was charged for. */
  public synchronized int searchCharges(UpstreamId id) {
    return requests.get(id).map(Upstream::searchCharges).getOrElse(0);
  }

  /** Every request upstream, drafts included, oldest first. */
  public synchronized List<UpstreamId> requestIds() {
    return requests.keySet().toList();
  }

  /** The order a request was created with. */
  public synchronized RemoteOrder order(UpstreamId id) {
    return existing(id).order();
  }

  // ---- the ports ------------------------------------------------------------------------------

  @Override
  public synchronized Either<RemoteFailure, List<CatalogEntry>> listCertificates() {
    return call(
        RemoteCallKind.CATALOGUE,
        () ->
            Either.right(
                catalogue
                    .values()
                    .map(c -> new CatalogEntry(c.id(), c.engine(), c.name(), c.category()))
                    .toList()));
  }

  @Override
  public synchronized Either<RemoteFailure, Certificate> describe(CertificateId id) {
    return call(RemoteCallKind.DESCRIBE, () -> certificate(id));
  }

  @Override
  public synchronized Either<RemoteFailure, UpstreamQuote> test(RemoteOrder order) {
    return call(
        RemoteCallKind.TEST,
        () ->
            certificate(order.certificateId())
                .map(c -> new UpstreamQuote(c.documentPrice(), c.searchPrice())));
  }

  @Override
  public synchronized Either<RemoteFailure, RemoteRequest> createDraft(RemoteOrder order) {
    return call(
        RemoteCallKind.DRAFT,
        () ->
            certificate(order.certificateId())
                .map(unused -> {
                  UpstreamId id = new UpstreamId(String.format("%024x", nextId++));
                  return save(new Upstream(
                          id,
                          order,
                          false,
                          RequestStatus.ACCEPTED,
                          List.empty(),
                          Option.none(),
                          Option.none(),
                          Option.none(),
                          Option.none(),
                          0,
                          0,
                          tick()))
                      .view();
                }));
  }

  @Override
  public synchronized Either<RemoteFailure, RemoteRequest> close(UpstreamId id) {
    return call(
        RemoteCallKind.CLOSE,
        () ->
            found(id)
                .flatMap(current -> {
                  if (current.closed()) {
                    return Either.left(
                        new RemoteFailure.AlreadyClosed("request " + id + " is already closed"));
                  }
                  boolean searches =
                      catalogue
                          .get(current.order().certificateId())
                          .exists(Certificate::hasSearchPhase);
                  return Either.right(
                      save(new Upstream(
                              id,
                              current.order(),
                              true,
                              searches ? RequestStatus.SEARCHING : RequestStatus.PROCESSING,
                              searches ? List.of(running(id, 0)) : List.empty(),
                              Option.none(),
                              Option.none(),
                              Option.none(),
                              Option.none(),
                              current.charges() + 1,
                              current.searchCharges(),
                              tick()))
                          .view());
                }));
  }

  @Override
  public synchronized Either<RemoteFailure, RemoteRequest> fetch(UpstreamId id) {
    return call(RemoteCallKind.STATUS, () -> found(id).map(Upstream::view));
  }

  @Override
  public synchronized Either<RemoteFailure, List<RemoteSummary>> listAll() {
    return call(
        RemoteCallKind.LIST, () -> Either.right(requests.values().map(Upstream::summary).toList()));
  }

  @Override
  public synchronized Either<RemoteFailure, RemoteRequest> addSearch(
      UpstreamId id, SortedMap<FieldKey, String> values) {
    return call(
        RemoteCallKind.SEARCH,
        () ->
            found(id)
                .flatMap(current -> {
                  if (!current.closed()
                      || (current.status() != RequestStatus.SEARCHING
                          && current.status() != RequestStatus.AWAITING_SELECTION)) {
                    return Either.left(
                        new RemoteFailure.Conflict("no_search", "the request is not searching"));
                  }
                  return Either.right(
                      save(new Upstream(
                              id,
                              current.order(),
                              true,
                              RequestStatus.SEARCHING,
                              current.searches().append(running(id, current.searches().size())),
                              current.selection(),
                              current.outcome(),
                              current.cancellationReason(),
                              current.document(),
                              current.charges(),
                              current.searchCharges() + 1,
                              tick()))
                          .view());
                }));
  }

  @Override
  public synchronized Either<RemoteFailure, RemoteRequest> selectCandidate(
      UpstreamId id, String searchId, int index) {
    return call(
        RemoteCallKind.SELECTION,
        () ->
            found(id)
                .flatMap(current -> {
                  boolean offered =
                      current.status() == RequestStatus.AWAITING_SELECTION
                          && current
                              .searches()
                              .lastOption()
                              .exists(round ->
                                  round.searchId().equals(searchId)
                                      && round.candidate(index).isDefined());
                  if (!offered) {
                    return Either.left(
                        new RemoteFailure.Conflict("no_candidate", "nothing to select there"));
                  }
                  return Either.right(
                      save(new Upstream(
                              id,
                              current.order(),
                              true,
                              RequestStatus.PROCESSING,
                              current.searches(),
                              Option.some(Tuple.of(searchId, index)),
                              current.outcome(),
                              current.cancellationReason(),
                              current.document(),
                              current.charges(),
                              current.searchCharges(),
                              tick()))
                          .view());
                }));
  }

  @Override
  public synchronized Either<RemoteFailure, RemoteRequest> cancel(UpstreamId id, String reason) {
    return call(
        RemoteCallKind.CANCEL,
        () ->
            found(id)
                .flatMap(current -> {
                  if (current.status().isTerminal()) {
                    return Either.left(
                        new RemoteFailure.Conflict("terminal", "the request is finished"));
                  }
                  return Either.right(
                      save(new Upstream(
                              id,
                              current.order(),
                              current.closed(),
                              RequestStatus.CANCELLED,
                              current.searches(),
                              current.selection(),
                              current.outcome(),
                              Option.some(reason),
                              current.document(),
                              current.charges(),
                              current.searchCharges(),
                              tick()))
                          .view());
                }));
  }

  @Override
  public synchronized Either<RemoteFailure, String> download(UpstreamId id, OutputStream target) {
    return call(
        RemoteCallKind.DOCUMENT,
        () ->
            found(id)
                .flatMap(current ->
                    current
                        .document()
                        .toEither(() ->
                            (RemoteFailure)
                                new RemoteFailure.NotReady("no document for " + id + " yet")))
                .flatMap(bytes -> {
                  try {
                    target.write(bytes);
                    return Either.right(id + ".zip");
                  } catch (IOException broken) {
                    return Either.left(
                        new RemoteFailure.Unavailable("the target stream failed: " + broken));
                  }
                }));
  }

  // ---- the simulation -------------------------------------------------------------------------

  /**
   * Runs a call with the faults waiting for its kind: an outage or a failure stops it before its
   * effect; a lost answer lets it happen and hides the result.
   */
  private <T> Either<RemoteFailure, T> call(
      RemoteCallKind kind, Supplier<Either<RemoteFailure, T>> effect) {
    Option<RemoteFailure> outage = outages.get(kind);
    if (outage.isDefined()) {
      return Either.left(outage.get());
    }
    List<Fault> waiting = faults.get(kind).getOrElse(List.empty());
    if (waiting.isEmpty()) {
      return effect.get();
    }
    faults = faults.put(kind, waiting.tail());
    return switch (waiting.head()) {
      case Fault.Fail fail -> Either.left(fail.failure());
      case Fault.LoseAnswer lose -> {
        var ignored = effect.get();
        yield Either.left(new RemoteFailure.OutcomeUnknown("the answer to " + kind + " was lost"));
      }
    };
  }

  private void enqueue(RemoteCallKind kind, Fault fault) {
    faults = faults.put(kind, faults.get(kind).getOrElse(List.empty()).append(fault));
  }

  private Either<RemoteFailure, Certificate> certificate(CertificateId id) {
    return catalogue
        .get(id)
        .toEither(() ->
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INVALID, "hash_visura", "no certificate " + id));
  }

  private Either<RemoteFailure, Upstream> found(UpstreamId id) {
    return requests.get(id).toEither(() -> new RemoteFailure.NotFound("no request " + id));
  }

  private Upstream existing(UpstreamId id) {
    return requests
        .get(id)
        .getOrElseThrow(() -> new IllegalArgumentException("no request " + id + " upstream"));
  }

  private Upstream save(Upstream upstream) {
    requests = requests.put(upstream.id(), upstream);
    return upstream;
  }

  private static SearchRound running(UpstreamId id, int round) {
    return new SearchRound(id + "_" + round, SearchRound.State.RUNNING, List.empty());
  }

  private Instant tick() {
    Instant now = clock.instant();
    lastTick = now.isAfter(lastTick) ? now : lastTick.plusMillis(1);
    return lastTick;
  }
}
