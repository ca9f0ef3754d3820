package dev.sportello.application.service;

import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.RetrieveDocumentUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.LifecycleError;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.control.Either;
import java.io.InputStream;
import java.time.Clock;

/** Fetches each issued document once, streams it into the store, and serves it from there. */
final class DocumentService implements RetrieveDocumentUseCase {
  private final Requests requests;
  private final Engines engines;
  private final DocumentStore store;
  private final Clock clock;

  DocumentService(Requests requests, Engines engines, DocumentStore store, Clock clock) {
    this.requests = requests;
    this.engines = engines;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseError, RetrievedDocument> retrieve(RequestQuery query) {
    return requests.load(query).flatMap(this::fetchIfNeeded).flatMap(this::open);
  }

  Either<UseCaseError, Stored<CertificateRequest>> fetchIfNeeded(
      Stored<CertificateRequest> stored) {
    CertificateRequest request = stored.value();
    if (request.document().isDefined()) {
      return Either.right(stored);
    }
    return request
        .awaitedDocument()
        .<UseCaseError>toEither(() ->
            new UseCaseError.NotReady(
                new LifecycleError.DocumentNotIssued(request.status()).message()))
        .flatMap(upstreamId -> download(request, upstreamId))
        .flatMap(document ->
            requests.modify(
                stored,
                current ->
                    current.attachDocument(document, clock.instant()).mapLeft(Failures::of)));
  }

  /** Streams the document into the store; a failed download leaves nothing behind. */
  private Either<UseCaseError, DocumentRef> download(
      CertificateRequest request, UpstreamId upstreamId) {
    return store
        .begin(request.id(), upstreamId + ".zip")
        .mapLeft(Failures::of)
        .flatMap(upload ->
            engines
                .of(request.engine())
                .flatMap(
                    remote -> remote.download(upstreamId, upload.stream()).mapLeft(Failures::of))
                .fold(
                    failure -> {
                      upload.abort();
                      return Either.left(failure);
                    },
                    downloaded -> upload.commit().mapLeft(Failures::of)));
  }

  private Either<UseCaseError, RetrievedDocument> open(Stored<CertificateRequest> stored) {
    return stored
        .value()
        .document()
        .<UseCaseError>toEither(() -> new UseCaseError.NotFound("the stored document is missing"))
        .flatMap(ref ->
            store
                .open(stored.value().id())
                .mapLeft(Failures::of)
                .flatMap(content ->
                    content.toEither(() ->
                        (UseCaseError) new UseCaseError.NotFound("the stored document is missing")))
                .map((InputStream stream) -> new RetrievedDocument(ref, stream)));
  }
}
