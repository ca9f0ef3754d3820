package dev.sportello.application.testing;

import dev.sportello.application.port.out.ClaimedDelivery;
import dev.sportello.application.port.out.DeliveryLogPage;
import dev.sportello.application.port.out.DeliveryLogRequest;
import dev.sportello.application.port.out.ReplayResult;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredEndpoint;
import dev.sportello.application.port.out.WebhookStore;
import dev.sportello.domain.webhook.DeliveryAttempt;
import dev.sportello.domain.webhook.DeliveryState;
import dev.sportello.domain.webhook.WebhookDelivery;
import dev.sportello.domain.webhook.WebhookEvent;
import dev.sportello.domain.webhook.WebhookMessage;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook endpoints and deliveries in memory. Its outbox is filled by an {@link
 * InMemoryRequestRepository} built over it, under the repository's lock, as a database fills it in
 * the write's transaction. Every method is synchronised.
 */
public final class InMemoryWebhookStore implements WebhookStore {
  private static final Comparator<WebhookDelivery> NEWEST_FIRST =
      Comparator.comparing(WebhookDelivery::createdAt)
          .thenComparing(WebhookDelivery::id)
          .reversed();

  /** Oldest due first, then by creation time and id. */
  private static final Comparator<Row> DUE_FIRST =
      Comparator.comparing(Row::dueAt)
          .thenComparing(row -> row.delivery().createdAt())
          .thenComparing(row -> row.delivery().id());

  /**
   * A delivery as kept: due at {@code dueAt}, which a claim pushes to the end of its lease.
   *
   * @param delivery the delivery
   * @param dueAt when a claim may take it (pending ones only)
   * @param claim how many times it was claimed
   */
  private record Row(WebhookDelivery delivery, Instant dueAt, long claim) {}

  private final AtomicLong messages = new AtomicLong();
  private Map<String, StoredEndpoint> endpoints = HashMap.empty();
  private Map<String, Row> deliveries = HashMap.empty();

  /**
   * Queues a message for each event whose caller has an endpoint; the repository calls it with the
   * events of each write it stores.
   */
  synchronized void queue(List<WebhookEvent> events) {
    for (WebhookEvent event : events.filter(e -> endpoints.containsKey(e.caller()))) {
      WebhookDelivery delivery =
          WebhookDelivery.queued(
              new WebhookMessage(
                  String.format("msg_%012d", messages.incrementAndGet()), event.at(), event),
              event.at());
      deliveries = deliveries.put(delivery.id(), new Row(delivery, event.at(), 0));
    }
  }

  @Override
  public synchronized Either<StorageFailure, Option<StoredEndpoint>> endpoint(String caller) {
    return Either.right(endpoints.get(caller));
  }

  @Override
  public synchronized Either<StorageFailure, StoredEndpoint> saveEndpoint(StoredEndpoint endpoint) {
    endpoints = endpoints.put(endpoint.endpoint().caller(), endpoint);
    return Either.right(endpoint);
  }

  @Override
  public synchronized Either<StorageFailure, Boolean> removeEndpoint(String caller) {
    boolean existed = endpoints.containsKey(caller);
    endpoints = endpoints.remove(caller);
    deliveries =
        deliveries.mapValues(row ->
            row.delivery().caller().equals(caller)
                    && row.delivery().state() == DeliveryState.PENDING
                ? new Row(row.delivery().givenUp(), row.dueAt(), row.claim())
                : row);
    return Either.right(existed);
  }

  @Override
  public synchronized Either<StorageFailure, List<ClaimedDelivery>> claimDue(
      Instant now, Duration lease, int limit) {
    List<Row> due =
        deliveries
            .values()
            .filter(row -> row.delivery().state() == DeliveryState.PENDING)
            .filter(row -> !row.dueAt().isAfter(now))
            .filter(row -> endpoints.containsKey(row.delivery().caller()))
            .toList()
            .sorted(DUE_FIRST)
            .take(limit);
    List<ClaimedDelivery> claimed =
        due.map(row ->
            new ClaimedDelivery(
                row.delivery(), endpoints.get(row.delivery().caller()).get(), row.claim() + 1));
    for (ClaimedDelivery claim : claimed) {
      deliveries =
          deliveries.put(
              claim.delivery().id(), new Row(claim.delivery(), now.plus(lease), claim.claim()));
    }
    return Either.right(claimed);
  }

  @Override
  public synchronized Either<StorageFailure, Boolean> recordAttempt(
      ClaimedDelivery claimed, DeliveryAttempt attempt, Option<Instant> next) {
    Option<Row> current =
        deliveries
            .get(claimed.delivery().id())
            .filter(row -> row.claim() == claimed.claim())
            .filter(row -> row.delivery().state() == DeliveryState.PENDING);
    if (current.isEmpty()) {
      return Either.right(false);
    }
    WebhookDelivery after = current.get().delivery().after(attempt, next);
    deliveries =
        deliveries.put(after.id(), new Row(after, next.getOrElse(attempt.at()), claimed.claim()));
    return Either.right(true);
  }

  @Override
  public synchronized Either<StorageFailure, DeliveryLogPage> deliveries(
      String caller, DeliveryLogRequest page) {
    List<WebhookDelivery> matching =
        deliveries
            .values()
            .map(Row::delivery)
            .filter(delivery -> delivery.caller().equals(caller))
            .filter(delivery -> page.after().forAll(position -> isAfter(delivery, position)))
            .toList()
            .sorted(NEWEST_FIRST);
    List<WebhookDelivery> items = matching.take(page.limit());
    Option<DeliveryLogRequest.Position> next =
        matching.size() > page.limit()
            ? Option.some(
                new DeliveryLogRequest.Position(items.last().createdAt(), items.last().id()))
            : Option.none();
    return Either.right(new DeliveryLogPage(items, next));
  }

  /** Whether a delivery comes after the position in newest-first order. */
  private static boolean isAfter(WebhookDelivery delivery, DeliveryLogRequest.Position position) {
    int byTime = delivery.createdAt().compareTo(position.createdAt());
    return byTime < 0 || (byTime == 0 && delivery.id().compareTo(position.id()) < 0);
  }

  @Override
  public synchronized Either<StorageFailure, Option<WebhookDelivery>> delivery(
      String caller, String id) {
    return Either.right(
        deliveries.get(id).map(Row::delivery).filter(delivery -> delivery.caller().equals(caller)));
  }

  @Override
  public synchronized Either<StorageFailure, ReplayResult> replay(
      String caller, String id, Instant at) {
    Option<Row> found = deliveries.get(id).filter(row -> row.delivery().caller().equals(caller));
    if (found.isEmpty()) {
      return Either.right(new ReplayResult.Unknown());
    }
    Row row = found.get();
    if (row.delivery().state() == DeliveryState.PENDING) {
      return Either.right(new ReplayResult.StillPending());
    }
    WebhookDelivery replayed = row.delivery().replayed(at);
    deliveries = deliveries.put(id, new Row(replayed, at, row.claim()));
    return Either.right(new ReplayResult.Queued(replayed));
  }

  @Override
  public synchronized Either<StorageFailure, Integer> purgeDeliveries(Instant createdBefore) {
    Map<String, Row> kept =
        deliveries.filterValues(row ->
            row.delivery().state() == DeliveryState.PENDING
                || !row.delivery().createdAt().isBefore(createdBefore));
    int purged = deliveries.size() - kept.size();
    deliveries = kept;
    return Either.right(purged);
  }
}
