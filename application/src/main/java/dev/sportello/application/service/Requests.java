package dev.sportello.application.service;

import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * Reads and writes requests for the services: hides other callers' requests, turns lost optimistic
 * races into retries, tells {@link RequestEvents} of every stored status change, and has the
 * spending caps follow every stored change.
 */
final class Requests {
  private static final int ATTEMPTS = 5;

  private final RequestRepository repository;
  private final RequestEvents events;
  private final SpendingService spending;

  Requests(RequestRepository repository, RequestEvents events, SpendingService spending) {
    this.repository = repository;
    this.events = events;
    this.spending = spending;
  }

  /** A caller's request; another caller's request is reported as not found. */
  Either<UseCaseError, Stored<CertificateRequest>> load(RequestQuery query) {
    var id = RequestId.parse(query.requestId());
    if (id.isInvalid()) {
      return Either.left(new UseCaseError.NotFound("no request " + printable(query.requestId())));
    }
    return repository
        .findOwned(id.get(), query.caller())
        .mapLeft(Failures::of)
        .flatMap(
            found -> found.toEither(() -> new UseCaseError.NotFound("no request " + id.get())));
  }

  Either<UseCaseError, Option<Stored<CertificateRequest>>> find(RequestId id) {
    return repository.find(id).mapLeft(Failures::of);
  }

  /**
   * Stores a new request; empty when a request with its id is stored already, such as by an
   * identical submission that got there first.
   */
  Either<UseCaseError, Option<Stored<CertificateRequest>>> insertIfAbsent(
      CertificateRequest request) {
    Either<StorageFailure, Stored<CertificateRequest>> inserted = repository.insert(request);
    if (inserted.isLeft() && inserted.getLeft() instanceof StorageFailure.Duplicate) {
      return Either.right(Option.none());
    }
    return inserted.map(Option::some).mapLeft(Failures::of);
  }

  /**
   * Applies a change to the freshest copy of a request and stores it, reading again and redoing the
   * change when another writer got there first. The change must be a pure function of the request:
   * it may run more than once.
   */
  Either<UseCaseError, Stored<CertificateRequest>> modify(
      Stored<CertificateRequest> current,
      Function<CertificateRequest, Either<UseCaseError, CertificateRequest>> change) {
    Stored<CertificateRequest> base = current;
    for (int attempt = 1; ; attempt++) {
      Either<UseCaseError, CertificateRequest> changed = change.apply(base.value());
      if (changed.isLeft()) {
        return Either.left(changed.getLeft());
      }
      if (changed.get().equals(base.value())) {
        return Either.right(base);
      }
      Either<StorageFailure, Stored<CertificateRequest>> written =
          repository.update(changed.get(), base.version());
      if (written.isRight()) {
        announce(base.value(), written.get().value());
        return Either.right(written.get());
      }
      if (!(written.getLeft() instanceof StorageFailure.StaleWrite) || attempt == ATTEMPTS) {
        return Either.left(Failures.of(written.getLeft()));
      }
      Either<UseCaseError, Option<Stored<CertificateRequest>>> reread = find(base.value().id());
      if (reread.isLeft()) {
        return Either.left(reread.getLeft());
      }
      if (reread.get().isEmpty()) {
        return Either.left(new UseCaseError.NotFound("no request " + base.value().id()));
      }
      base = reread.get().get();
    }
  }

  /**
   * Applies a change once, and only to the request as it was read: for a step that claims the right
   * to make a charging call. Empty when another writer changed the request first, which then owns
   * the step; redoing the change on the fresh copy would send the call twice.
   */
  Either<UseCaseError, Option<Stored<CertificateRequest>>> modifyIfUnchanged(
      Stored<CertificateRequest> current,
      Function<CertificateRequest, Either<UseCaseError, CertificateRequest>> change) {
    Either<UseCaseError, CertificateRequest> changed = change.apply(current.value());
    if (changed.isLeft()) {
      return Either.left(changed.getLeft());
    }
    Either<StorageFailure, Stored<CertificateRequest>> written =
        repository.update(changed.get(), current.version());
    if (written.isLeft()) {
      return written.getLeft() instanceof StorageFailure.StaleWrite
          ? Either.right(Option.none())
          : Either.left(Failures.of(written.getLeft()));
    }
    announce(current.value(), written.get().value());
    return Either.right(Option.some(written.get()));
  }

  private void announce(CertificateRequest before, CertificateRequest after) {
    spending.settle(before, after);
    if (before.status() != after.status()) {
      events.statusChanged(after.id(), before.status(), after.status(), after.updatedAt());
    }
  }

  static String printable(String text) {
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }
}
