package dev.sportello.application.testing;

import dev.sportello.application.port.out.Page;
import dev.sportello.application.port.out.PageRequest;
import dev.sportello.application.port.out.RequestFilter;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.SyncView;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.domain.webhook.WebhookEvent;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Comparator;

/**
 * Requests in memory, with the same optimistic versions and uniqueness rules as a database. Every
 * method is synchronised: the fake favours being obviously right over being fast. Each stored write
 * queues its webhook events in the {@link InMemoryWebhookStore} it was built over, under the same
 * lock, and a refused write queues none: the in-memory form of the transactional outbox.
 */
public final class InMemoryRequestRepository implements RequestRepository {
  /** Newest first: by creation time, then id, both descending. */
  private static final Comparator<CertificateRequest> NEWEST_FIRST =
      Comparator.comparing(CertificateRequest::createdAt)
          .thenComparing(request -> request.id().value())
          .reversed();

  private final InMemoryWebhookStore webhooks;
  private Map<RequestId, Stored<CertificateRequest>> byId = HashMap.empty();
  private Map<UpstreamId, RequestId> byUpstreamId = HashMap.empty();

  /** A repository whose webhook events nobody receives (no endpoint can be registered). */
  public InMemoryRequestRepository() {
    this(new InMemoryWebhookStore());
  }

  /** A repository that queues its writes' webhook events in this store. */
  public InMemoryRequestRepository(InMemoryWebhookStore webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public synchronized Either<StorageFailure, Stored<CertificateRequest>> insert(
      CertificateRequest request) {
    if (byId.containsKey(request.id())) {
      return Either.left(new StorageFailure.Duplicate("a request " + request.id() + " exists"));
    }
    return store(request, 0);
  }

  @Override
  public synchronized Either<StorageFailure, Stored<CertificateRequest>> update(
      CertificateRequest request, long expectedVersion) {
    Option<Stored<CertificateRequest>> current = byId.get(request.id());
    if (current.isEmpty() || current.get().version() != expectedVersion) {
      return Either.left(
          new StorageFailure.StaleWrite(
              "request " + request.id() + " is not at version " + expectedVersion));
    }
    return store(request, expectedVersion + 1);
  }

  private Either<StorageFailure, Stored<CertificateRequest>> store(
      CertificateRequest request, long version) {
    Option<UpstreamId> upstreamId = request.upstreamId();
    boolean upstreamTaken =
        upstreamId.flatMap(byUpstreamId::get).exists(owner -> !owner.equals(request.id()));
    if (upstreamTaken) {
      return Either.left(
          new StorageFailure.Duplicate("upstream id " + upstreamId.get() + " is taken"));
    }
    Stored<CertificateRequest> stored = new Stored<>(request, version);
    webhooks.queue(WebhookEvent.between(byId.get(request.id()).map(Stored::value), request));
    byId = byId.put(request.id(), stored);
    byUpstreamId = upstreamId.fold(() -> byUpstreamId, id -> byUpstreamId.put(id, request.id()));
    return Either.right(stored);
  }

  @Override
  public synchronized Either<StorageFailure, Option<Stored<CertificateRequest>>> find(
      RequestId id) {
    return Either.right(byId.get(id));
  }

  @Override
  public synchronized Either<StorageFailure, Option<Stored<CertificateRequest>>> findOwned(
      RequestId id, String caller) {
    return Either.right(byId.get(id).filter(stored -> stored.value().caller().equals(caller)));
  }

  @Override
  public synchronized Either<StorageFailure, Option<Stored<CertificateRequest>>> findByUpstreamId(
      UpstreamId id) {
    return Either.right(byUpstreamId.get(id).flatMap(byId::get));
  }

  @Override
  public synchronized Either<StorageFailure, Page<CertificateRequest>> list(
      RequestFilter filter, PageRequest page) {
    List<CertificateRequest> matching =
        requests()
            .filter(request -> request.caller().equals(filter.caller()))
            .filter(request -> filter.status().forAll(status -> request.status() == status))
            .filter(request -> filter.certificateId().forAll(request.certificateId()::equals))
            .filter(request ->
                filter.reference().forAll(reference -> request.reference().contains(reference)))
            .filter(request -> page.after().forAll(position -> isAfter(request, position)))
            .sorted(NEWEST_FIRST);
    List<CertificateRequest> items = matching.take(page.limit());
    Option<PageRequest.Position> next =
        matching.size() > page.limit()
            ? Option.some(new PageRequest.Position(items.last().createdAt(), items.last().id()))
            : Option.none();
    return Either.right(new Page<>(items, next));
  }

  /** Whether a request comes after the position in newest-first order. */
  private static boolean isAfter(CertificateRequest request, PageRequest.Position position) {
    int byTime = request.createdAt().compareTo(position.createdAt());
    return byTime < 0 || (byTime == 0 && request.id().value().compareTo(position.id().value()) < 0);
  }

  @Override
  public synchronized Either<StorageFailure, List<CertificateRequest>> awaitingDispatch(int limit) {
    return Either.right(
        requests()
            .filter(CertificateRequest::awaitsDispatch)
            .sorted(NEWEST_FIRST.reversed())
            .take(limit));
  }

  @Override
  public synchronized Either<StorageFailure, List<SyncView>> openUpstream() {
    return Either.right(
        requests()
            .filter(request -> !request.status().isTerminal())
            .flatMap(request ->
                request
                    .upstreamId()
                    .map(upstreamId ->
                        new SyncView(
                            request.id(),
                            request.engine(),
                            upstreamId,
                            request.status(),
                            request.upstreamUpdatedAt()))));
  }

  @Override
  public synchronized Either<StorageFailure, List<CertificateRequest>> awaitingDocument(int limit) {
    return Either.right(
        requests()
            .filter(request -> request.awaitedDocument().isDefined())
            .sorted(NEWEST_FIRST.reversed())
            .take(limit));
  }

  /** How many requests are stored. */
  public synchronized int size() {
    return byId.size();
  }

  private List<CertificateRequest> requests() {
    return byId.values().map(Stored::value).toList();
  }
}
