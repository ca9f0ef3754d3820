package dev.sportello.application.port.out;

import dev.sportello.domain.webhook.DeliveryAttempt;
import dev.sportello.domain.webhook.WebhookDelivery;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps callers' webhook endpoints (their secrets sealed at rest) and the deliveries of webhook
 * messages. Deliveries are queued by the {@link RequestRepository}, in the same transaction as the
 * change that produced them (a transactional outbox); this store hands them out to be sent, records
 * what became of each attempt, and answers the delivery log.
 *
 * <p>Several instances may share the store: a claimed delivery is leased to one worker, and taken
 * up again by any worker once its lease runs out (a worker that died), so every message is sent at
 * least once.
 */
public interface WebhookStore {

  /**
   * The caller's endpoint, if any.
   *
   * @param caller whose endpoint
   * @return the endpoint with its secrets, or empty when the caller has none, or why the store
   *     failed
   */
  Either<StorageFailure, Option<StoredEndpoint>> endpoint(String caller);

  /**
   * Keeps the endpoint as its caller's one endpoint, in place of any before it.
   *
   * @param endpoint the endpoint with its secrets
   * @return the endpoint as kept, or why the store failed
   */
  Either<StorageFailure, StoredEndpoint> saveEndpoint(StoredEndpoint endpoint);

  /**
   * Removes the caller's endpoint and gives up the caller's pending deliveries (they stay in the
   * log as failed); answers whether there was an endpoint.
   *
   * @param caller whose endpoint
   * @return whether there was an endpoint, or why the store failed
   */
  Either<StorageFailure, Boolean> removeEndpoint(String caller);

  /**
   * Takes up to {@code limit} deliveries due at {@code now} whose caller has an endpoint, oldest
   * due first (then by creation time and id; receivers get no promise of order), and leases them
   * until {@code now + lease}: until then no other claim returns them.
   *
   * @param now the time the deliveries are due by
   * @param lease how long the claim holds
   * @param limit how many deliveries at most
   * @return the claimed deliveries, or why the store failed
   */
  Either<StorageFailure, List<ClaimedDelivery>> claimDue(Instant now, Duration lease, int limit);

  /**
   * Records an attempt at a claimed delivery (see {@link WebhookDelivery#after}): delivered, or
   * pending until {@code next}, or failed when there is no next attempt. Answers false, recording
   * nothing, when the claim was overtaken (its lease ran out and another worker claimed it).
   *
   * @param claimed the delivery as claimed
   * @param attempt the attempt made
   * @param next when the next attempt is due, or empty when retries are over
   * @return whether the attempt was recorded, or why the store failed
   */
  Either<StorageFailure, Boolean> recordAttempt(
      ClaimedDelivery claimed, DeliveryAttempt attempt, Option<Instant> next);

  /**
   * A page of the caller's deliveries, newest first (by creation time, then id).
   *
   * @param caller whose deliveries
   * @param page where the page starts and how many it holds
   * @return the page, or why the store failed
   */
  Either<StorageFailure, DeliveryLogPage> deliveries(String caller, DeliveryLogRequest page);

  /**
   * One of the caller's deliveries; none when there is no such delivery or it is another's.
   *
   * @param caller whose delivery
   * @param id the delivery's id
   * @return the delivery or none, or why the store failed
   */
  Either<StorageFailure, Option<WebhookDelivery>> delivery(String caller, String id);

  /**
   * Queues one of the caller's deliveries again at {@code at} (see {@link
   * WebhookDelivery#replayed}), unless it is still pending.
   *
   * @param caller whose delivery
   * @param id the delivery's id
   * @param at when it is queued again
   * @return what the replay did, or why the store failed
   */
  Either<StorageFailure, ReplayResult> replay(String caller, String id, Instant at);

  /**
   * Deletes the deliveries created before the time that are no longer pending; answers how many.
   *
   * @param createdBefore the cut-off
   * @return how many deliveries were deleted, or why the store failed
   */
  Either<StorageFailure, Integer> purgeDeliveries(Instant createdBefore);
}
