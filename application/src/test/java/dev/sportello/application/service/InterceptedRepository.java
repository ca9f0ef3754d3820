package dev.sportello.application.service;

import dev.sportello.application.port.out.Page;
import dev.sportello.application.port.out.PageRequest;
import dev.sportello.application.port.out.RequestFilter;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.SyncView;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The real store behind hooks on its writes, so that a test can watch an insert or stand for a
 * crash at a given write. It delegates instead of copying the store, so the test and the use cases
 * see the same data.
 */
final class InterceptedRepository implements RequestRepository {
  private final RequestRepository real;
  private final Function<
          CertificateRequest, Option<Either<StorageFailure, Stored<CertificateRequest>>>>
      onInsert;
  private final BiFunction<
          CertificateRequest, Long, Option<Either<StorageFailure, Stored<CertificateRequest>>>>
      onUpdate;

  /**
   * Wraps a store.
   *
   * @param onInsert an answer that replaces the insert, or empty to insert for real
   * @param onUpdate an answer that replaces the update, or empty to update for real
   */
  InterceptedRepository(
      RequestRepository real,
      Function<CertificateRequest, Option<Either<StorageFailure, Stored<CertificateRequest>>>>
          onInsert,
      BiFunction<
              CertificateRequest, Long, Option<Either<StorageFailure, Stored<CertificateRequest>>>>
          onUpdate) {
    this.real = real;
    this.onInsert = onInsert;
    this.onUpdate = onUpdate;
  }

  /**
   * An application whose first update matching {@code when} waits for {@code meanwhile} to run on
   * the same application: another writer that gets there first.
   */
  static TestApplication otherWriterFirst(
      Predicate<CertificateRequest> when,
      BiConsumer<TestApplication, CertificateRequest> meanwhile) {
    AtomicBoolean ran = new AtomicBoolean();
    AtomicReference<TestApplication> started = new AtomicReference<>();
    TestApplication app =
        TestApplication.builder()
            .wrapRepository(real ->
                new InterceptedRepository(
                    real,
                    request -> Option.none(),
                    (request, version) -> {
                      if (when.test(request) && ran.compareAndSet(false, true)) {
                        meanwhile.accept(Objects.requireNonNull(started.get()), request);
                      }
                      return Option.none();
                    }))
            .build();
    started.set(app);
    return app;
  }

  @Override
  public Either<StorageFailure, Stored<CertificateRequest>> insert(CertificateRequest request) {
    return onInsert.apply(request).getOrElse(() -> real.insert(request));
  }

  @Override
  public Either<StorageFailure, Stored<CertificateRequest>> update(
      CertificateRequest request, long expectedVersion) {
    return onUpdate
        .apply(request, expectedVersion)
        .getOrElse(() -> real.update(request, expectedVersion));
  }

  @Override
  public Either<StorageFailure, Option<Stored<CertificateRequest>>> find(RequestId id) {
    return real.find(id);
  }

  @Override
  public Either<StorageFailure, Option<Stored<CertificateRequest>>> findOwned(
      RequestId id, String caller) {
    return real.findOwned(id, caller);
  }

  @Override
  public Either<StorageFailure, Option<Stored<CertificateRequest>>> findByUpstreamId(
      UpstreamId id) {
    return real.findByUpstreamId(id);
  }

  @Override
  public Either<StorageFailure, Page<CertificateRequest>> list(
      RequestFilter filter, PageRequest page) {
    return real.list(filter, page);
  }

  @Override
  public Either<StorageFailure, List<CertificateRequest>> awaitingDispatch(int limit) {
    return real.awaitingDispatch(limit);
  }

  @Override
  public Either<StorageFailure, List<SyncView>> openUpstream() {
    return real.openUpstream();
  }

  @Override
  public Either<StorageFailure, List<CertificateRequest>> awaitingDocument(int limit) {
    return real.awaitingDocument(limit);
  }
}
