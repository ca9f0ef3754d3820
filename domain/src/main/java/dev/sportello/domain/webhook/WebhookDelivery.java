package dev.sportello.domain.webhook;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One message on its way to a caller's endpoint, with what became of it so far.
 *
 * @param message the message; its id is the delivery's id
 * @param state where the delivery stands
 * @param attempts the attempts made, oldest first; at most {@link #MAX_ATTEMPTS_KEPT}, the oldest
 *     dropped first
 * @param attemptsThisRound the attempts made since the delivery was queued (or replayed), which set
 *     the wait before the next one
 * @param queuedAt when the delivery was queued, or last replayed: retries stop a day later
 * @param nextAttemptAt when the next attempt is due; present exactly while pending
 */
public record WebhookDelivery(
    WebhookMessage message,
    DeliveryState state,
    List<DeliveryAttempt> attempts,
    int attemptsThisRound,
    Instant queuedAt,
    Option<Instant> nextAttemptAt) {

  /** How many attempts a delivery remembers. */
  public static final int MAX_ATTEMPTS_KEPT = 30;

  /**
   * Checks that every component is given, that at most {@link #MAX_ATTEMPTS_KEPT} attempts are
   * kept, and that a next attempt is due exactly while pending.
   */
  public WebhookDelivery {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(attempts, "attempts");
    Objects.requireNonNull(queuedAt, "queuedAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    if (attempts.size() > MAX_ATTEMPTS_KEPT || attemptsThisRound < 0) {
      throw new IllegalArgumentException(
          "a delivery keeps 0 to " + MAX_ATTEMPTS_KEPT + " attempts");
    }
    if ((state == DeliveryState.PENDING) != nextAttemptAt.isDefined()) {
      throw new IllegalArgumentException("a delivery has a next attempt exactly while pending");
    }
  }

  /**
   * A new delivery of the message, due now.
   *
   * @param message the message to deliver
   * @param at now: when it is queued and its first attempt is due
   * @return the pending delivery, with no attempts yet
   */
  public static WebhookDelivery queued(WebhookMessage message, Instant at) {
    return new WebhookDelivery(
        message, DeliveryState.PENDING, List.empty(), 0, at, Option.some(at));
  }

  /**
   * The delivery's id: its message's.
   *
   * @return the message's id
   */
  public String id() {
    return message.id();
  }

  /**
   * Whose delivery it is.
   *
   * @return the caller of the event's request
   */
  public String caller() {
    return message.event().caller();
  }

  /**
   * When its event happened; the delivery log is ordered by it, newest first.
   *
   * @return the message's timestamp
   */
  public Instant createdAt() {
    return message.timestamp();
  }

  /**
   * This delivery after an attempt: delivered when the receiver took it, else pending until the
   * next attempt when there is one, else failed.
   *
   * @param attempt the attempt just made
   * @param next when the next attempt is due, or empty when retries are over
   * @return the delivery with the attempt recorded
   */
  public WebhookDelivery after(DeliveryAttempt attempt, Option<Instant> next) {
    DeliveryState now =
        attempt.result().delivered()
            ? DeliveryState.DELIVERED
            : next.isDefined() ? DeliveryState.PENDING : DeliveryState.FAILED;
    List<DeliveryAttempt> kept = attempts.append(attempt);
    return new WebhookDelivery(
        message,
        now,
        kept.size() > MAX_ATTEMPTS_KEPT ? kept.drop(kept.size() - MAX_ATTEMPTS_KEPT) : kept,
        attemptsThisRound + 1,
        queuedAt,
        now == DeliveryState.PENDING ? next : Option.none());
  }

  /**
   * This delivery queued again now, with a fresh retry budget and its attempts kept.
   *
   * @param at now: when it is queued again and its next attempt is due
   * @return the pending delivery
   */
  public WebhookDelivery replayed(Instant at) {
    return new WebhookDelivery(message, DeliveryState.PENDING, attempts, 0, at, Option.some(at));
  }

  /**
   * This delivery given up without another attempt.
   *
   * @return the failed delivery, its attempts kept
   */
  public WebhookDelivery givenUp() {
    return new WebhookDelivery(
        message, DeliveryState.FAILED, attempts, attemptsThisRound, queuedAt, Option.none());
  }
}
