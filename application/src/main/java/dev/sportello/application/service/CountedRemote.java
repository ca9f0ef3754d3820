package dev.sportello.application.service;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
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
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.SortedMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts every upstream call by kind at the port boundary, whatever adapter is behind it, and tells
 * the observer.
 */
final class CountedRemote implements RemoteCatalog, RemoteRequests, RemoteDocuments {
  private final Engine engine;
  private final RemoteCatalog catalog;
  private final RemoteRequests requests;
  private final RemoteDocuments documents;
  private final RemoteCallObserver observer;
  private final ConcurrentHashMap<RemoteCallKind, LongAdder> counts = new ConcurrentHashMap<>();

  CountedRemote(
      Engine engine,
      RemoteCatalog catalog,
      RemoteRequests requests,
      RemoteDocuments documents,
      RemoteCallObserver observer) {
    this.engine = engine;
    this.catalog = catalog;
    this.requests = requests;
    this.documents = documents;
    this.observer = observer;
  }

  /** The calls made so far, by kind. */
  Map<RemoteCallKind, Long> counts() {
    return HashMap.ofAll(
        java.util.Arrays.stream(RemoteCallKind.values()),
        kind -> kind,
        kind -> Option.of(counts.get(kind)).map(LongAdder::sum).getOrElse(0L));
  }

  /** No calls of any kind. */
  static Map<RemoteCallKind, Long> noCalls() {
    return HashMap.ofAll(
        java.util.Arrays.stream(RemoteCallKind.values()), kind -> kind, kind -> 0L);
  }

  private <T> Either<RemoteFailure, T> counted(
      RemoteCallKind kind, Supplier<Either<RemoteFailure, T>> call) {
    long started = System.nanoTime();
    Either<RemoteFailure, T> result = call.get();
    counts.computeIfAbsent(kind, unused -> new LongAdder()).increment();
    observer.called(
        engine, kind, result.swap().toOption(), Duration.ofNanos(System.nanoTime() - started));
    return result;
  }

  @Override
  public Either<RemoteFailure, List<CatalogEntry>> listCertificates() {
    return counted(RemoteCallKind.CATALOGUE, catalog::listCertificates);
  }

  @Override
  public Either<RemoteFailure, Certificate> describe(CertificateId id) {
    return counted(RemoteCallKind.DESCRIBE, () -> catalog.describe(id));
  }

  @Override
  public Either<RemoteFailure, UpstreamQuote> test(RemoteOrder order) {
    return counted(RemoteCallKind.TEST, () -> requests.test(order));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> createDraft(RemoteOrder order) {
    return counted(RemoteCallKind.DRAFT, () -> requests.createDraft(order));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> close(UpstreamId id) {
    return counted(RemoteCallKind.CLOSE, () -> requests.close(id));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> fetch(UpstreamId id) {
    return counted(RemoteCallKind.STATUS, () -> requests.fetch(id));
  }

  @Override
  public Either<RemoteFailure, List<RemoteSummary>> listAll() {
    return counted(RemoteCallKind.LIST, requests::listAll);
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> addSearch(
      UpstreamId id, SortedMap<FieldKey, String> values) {
    return counted(RemoteCallKind.SEARCH, () -> requests.addSearch(id, values));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> selectCandidate(
      UpstreamId id, String searchId, int index) {
    return counted(RemoteCallKind.SELECTION, () -> requests.selectCandidate(id, searchId, index));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> cancel(UpstreamId id, String reason) {
    return counted(RemoteCallKind.CANCEL, () -> requests.cancel(id, reason));
  }

  @Override
  public Either<RemoteFailure, String> download(UpstreamId id, OutputStream target) {
    return counted(RemoteCallKind.DOCUMENT, () -> documents.download(id, target));
  }
}
