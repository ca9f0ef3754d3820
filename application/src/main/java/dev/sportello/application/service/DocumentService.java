package dev.sportello.application.service;

import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.RetrieveDocumentUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.RemoteDocuments;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.control.Either;
import java.io.InputStream;
import java.time.Clock;

/** Fetches each issued document once, streams it into the store, and serves it from there. */
final class DocumentService implements RetrieveDocumentUseCase {
  private final Requests requests;
  private final RemoteDocuments remote;
  private final DocumentStore store;
  private final Clock clock;

  DocumentService(Requests requests, RemoteDocuments remote, DocumentStore store, Clock clock) {
    this.requests = requests;
    this.remote = remote;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseError, RetrievedDocument> retrieve(RequestQuery query) {
    return requests.load(query).flatMap(this::fetchIfNeeded).flatMap(this::open);
  }

  /** Whether upstream has the request's document and we have not stored it yet. */
  static boolean awaitsDocument(CertificateRequest request) {
    return request.document().isEmpty()
        && request.upstreamId().isDefined()
        && (request.status() == RequestStatus.DATA_AVAILABLE
            || request.status() == RequestStatus.FULFILLED);
  }

  Either<UseCaseError, Stored<CertificateRequest>> fetchIfNeeded(
      Stored<CertificateRequest> stored) {
    CertificateRequest request = stored.value();
    if (request.document().isDefined()) {
      return Either.right(stored);
    }
    if (!awaitsDocument(request)) {
      return Either.left(
          new UseCaseError.NotReady(
              "the request is " + request.status() + "; its document is not available yet"));
    }
    var upload =
        store.begin(request.id(), request.upstreamId().get() + ".zip").mapLeft(Failures::of);
    if (upload.isLeft()) {
      return Either.left(upload.getLeft());
    }
    Either<RemoteFailure, String> downloaded =
        remote.download(request.upstreamId().get(), upload.get().stream());
    if (downloaded.isLeft()) {
      upload.get().abort();
      return Either.left(Failures.of(downloaded.getLeft()));
    }
    Either<UseCaseError, DocumentRef> committed = upload.get().commit().mapLeft(Failures::of);
    if (committed.isLeft()) {
      return Either.left(committed.getLeft());
    }
    return requests.modify(
        stored, current -> Either.right(current.withDocument(committed.get(), clock.instant())));
  }

  private Either<UseCaseError, RetrievedDocument> open(Stored<CertificateRequest> stored) {
    DocumentRef ref = stored.value().document().get();
    return store
        .open(stored.value().id())
        .mapLeft(Failures::of)
        .flatMap(content ->
            content.toEither(
                () -> (UseCaseError) new UseCaseError.NotFound("the stored document is missing")))
        .map((InputStream stream) -> new RetrievedDocument(ref, stream));
  }
}
