package dev.sportello.application.service;

import dev.sportello.application.port.in.HandleNotificationUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;
import java.time.Clock;

/**
 * A notification only names a request (through its token); the request is re-read from upstream.
 */
final class NotificationService implements HandleNotificationUseCase {
  private final NotificationTokens tokens;
  private final Requests requests;
  private final RemoteRequests remote;
  private final Reconciler reconciler;
  private final DocumentService documents;
  private final Clock clock;

  NotificationService(
      NotificationTokens tokens,
      Requests requests,
      RemoteRequests remote,
      Reconciler reconciler,
      DocumentService documents,
      Clock clock) {
    this.tokens = tokens;
    this.requests = requests;
    this.remote = remote;
    this.reconciler = reconciler;
    this.documents = documents;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseError, CertificateRequest> handle(String token) {
    var id = tokens.resolve(token);
    if (id.isEmpty()) {
      return Either.left(new UseCaseError.NotFound("no request for this notification"));
    }
    return requests
        .find(id.get())
        .flatMap(found ->
            found.toEither(
                () -> (UseCaseError) new UseCaseError.NotFound("no request for this notification")))
        .flatMap(this::reread);
  }

  private Either<UseCaseError, CertificateRequest> reread(Stored<CertificateRequest> stored) {
    var upstreamId = stored.value().upstreamId();
    if (upstreamId.isEmpty()) {
      return Either.right(stored.value());
    }
    var detail = remote.fetch(upstreamId.get());
    if (detail.isLeft()) {
      return Either.left(Failures.of(detail.getLeft()));
    }
    var updated =
        requests.modify(
            stored,
            request -> Either.right(reconciler.apply(request, detail.get(), clock.instant())));
    if (updated.isLeft()) {
      return Either.left(updated.getLeft());
    }
    return Either.right(
        DocumentService.awaitsDocument(updated.get().value())
            ? documents
                .fetchIfNeeded(updated.get())
                .map(Stored::value)
                .getOrElse(updated.get().value())
            : updated.get().value());
  }
}
