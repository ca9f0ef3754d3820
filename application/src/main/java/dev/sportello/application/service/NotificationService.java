package dev.sportello.application.service;

import dev.sportello.application.port.in.HandleNotificationUseCase;
import dev.sportello.application.port.in.UseCaseError;
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
  private final Engines engines;
  private final Reconciler reconciler;
  private final DocumentService documents;
  private final Clock clock;

  NotificationService(
      NotificationTokens tokens,
      Requests requests,
      Engines engines,
      Reconciler reconciler,
      DocumentService documents,
      Clock clock) {
    this.tokens = tokens;
    this.requests = requests;
    this.engines = engines;
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
    return stored
        .value()
        .upstreamId()
        .fold(
            () -> Either.right(stored.value()),
            upstreamId ->
                engines
                    .of(stored.value().engine())
                    .flatMap(remote -> remote.fetch(upstreamId).mapLeft(Failures::of))
                    .flatMap(detail ->
                        requests.modify(
                            stored,
                            request ->
                                Either.right(reconciler.apply(request, detail, clock.instant()))))
                    .map(updated ->
                        updated.value().awaitedDocument().isDefined()
                            ? documents
                                .fetchIfNeeded(updated)
                                .map(Stored::value)
                                .getOrElse(updated.value())
                            : updated.value()));
  }
}
