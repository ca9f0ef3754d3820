package com.example.certificates;

import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.RetrieveDocumentUseCase.RetrievedDocument;
import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.service.UseCases;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * What our application asks of Sportello: order a certificate, wait until it is settled, save its
 * document. It sees the use cases only, so its tests run it on the in-memory fakes.
 */
public final class CertificateDesk {
  private final UseCases useCases;
  private final String caller;
  private final Duration pollEvery;

  /**
   * A desk ordering as {@code caller}, which scopes requests and idempotency keys, and looking at
   * its requests every {@code pollEvery} while it waits.
   */
  public CertificateDesk(UseCases useCases, String caller, Duration pollEvery) {
    this.useCases = useCases;
    this.caller = caller;
    this.pollEvery = pollEvery;
  }

  /**
   * Orders a certificate. Ordering again under the same key with the same input gives back the same
   * request, never a second charge: a run that died half-way can simply be repeated.
   */
  public Either<UseCaseError, CertificateRequest> order(
      String idempotencyKey, SubmissionInput input) {
    return useCases.submitRequest().submit(new SubmitRequestCommand(caller, idempotencyKey, input));
  }

  /**
   * Waits until the request is fulfilled, rejected or cancelled, or the limit has passed, and gives
   * it as it then stands. It reads our own store only: the sync cycle and upstream's notifications
   * are what move the request.
   */
  public Either<UseCaseError, CertificateRequest> awaitSettled(RequestId id, Duration limit)
      throws InterruptedException {
    RequestQuery query = new RequestQuery(caller, id.value());
    long deadline = System.nanoTime() + limit.toNanos();
    Either<UseCaseError, CertificateRequest> current = useCases.getRequest().get(query);
    while (current.exists(request -> !request.status().isTerminal())
        && System.nanoTime() - deadline < 0) {
      Thread.sleep(pollEvery);
      current = useCases.getRequest().get(query);
    }
    return current;
  }

  /** Copies the request's issued document, a ZIP archive, to {@code target}. */
  public Either<UseCaseError, DocumentRef> saveDocument(RequestId id, Path target)
      throws IOException {
    Either<UseCaseError, RetrievedDocument> retrieved =
        useCases.retrieveDocument().retrieve(new RequestQuery(caller, id.value()));
    if (retrieved.isLeft()) {
      return Either.left(retrieved.getLeft());
    }
    try (InputStream content = retrieved.get().content()) {
      Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return Either.right(retrieved.get().ref());
  }
}
