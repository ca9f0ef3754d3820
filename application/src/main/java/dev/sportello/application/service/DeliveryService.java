package dev.sportello.application.service;

import dev.sportello.application.port.in.DeliverWebhooksUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.ClaimedDelivery;
import dev.sportello.application.port.out.DeliveryAttempt;
import dev.sportello.application.port.out.SendResult;
import dev.sportello.application.port.out.WebhookDelivery;
import dev.sportello.application.port.out.WebhookSender;
import dev.sportello.application.port.out.WebhookStore;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Sends due webhook messages and schedules their retries. */
final class DeliveryService implements DeliverWebhooksUseCase {
  /**
   * Standard Webhooks' schedule: the wait after the first attempt, the second, and so on; the last
   * wait repeats.
   */
  static final List<Duration> BACKOFF =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  /** No retry follows an attempt made this long after the delivery was queued. */
  static final Duration RETRY_WINDOW = Duration.ofHours(24);

  private final WebhookStore store;
  private final WebhookSender sender;
  private final Clock clock;
  private final WebhookSettings settings;

  DeliveryService(WebhookStore store, WebhookSender sender, Clock clock, WebhookSettings settings) {
    this.store = store;
    this.sender = sender;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public Either<UseCaseError, DeliveryReport> deliverDue() {
    return store
        .claimDue(clock.instant(), settings.lease(), settings.batchSize())
        .mapLeft(Failures::of)
        .flatMap(this::sendAll);
  }

  private Either<UseCaseError, DeliveryReport> sendAll(List<ClaimedDelivery> claimed) {
    int delivered = 0;
    int retrying = 0;
    int givenUp = 0;
    for (ClaimedDelivery claim : claimed) {
      Either<UseCaseError, Option<WebhookDelivery>> sent = send(claim);
      if (sent.isLeft()) {
        return Either.left(sent.getLeft());
      }
      for (WebhookDelivery after : sent.get()) {
        switch (after.state()) {
          case DELIVERED -> delivered++;
          case PENDING -> retrying++;
          case FAILED -> givenUp++;
        }
      }
    }
    return Either.right(new DeliveryReport(delivered, retrying, givenUp));
  }

  /** Sends one claimed delivery; answers it as recorded, or none when the claim was overtaken. */
  private Either<UseCaseError, Option<WebhookDelivery>> send(ClaimedDelivery claim) {
    WebhookDelivery delivery = claim.delivery();
    Instant sentAt = clock.instant();
    SendResult result = sender.send(claim.endpoint().target(sentAt), delivery.message(), sentAt);
    DeliveryAttempt attempt = new DeliveryAttempt(sentAt, result);
    Option<Instant> next = nextAttempt(delivery, attempt);
    return store
        .recordAttempt(claim, attempt, next)
        .mapLeft(Failures::of)
        .map(recorded -> Option.when(recorded, () -> delivery.after(attempt, next)));
  }

  /**
   * When to try again after a failed attempt: after the schedule's wait for this attempt, unless
   * the receiver said the endpoint is gone or the attempt came a day or more after queueing (which
   * gives Standard Webhooks' eight attempts over about 27 hours).
   */
  static Option<Instant> nextAttempt(WebhookDelivery delivery, DeliveryAttempt attempt) {
    boolean gone = attempt.result() instanceof SendResult.Rejected rejected && rejected.gone();
    boolean windowOver = !attempt.at().isBefore(delivery.queuedAt().plus(RETRY_WINDOW));
    if (attempt.result().delivered() || gone || windowOver) {
      return Option.none();
    }
    Duration wait = BACKOFF.get(Math.min(delivery.attemptsThisRound(), BACKOFF.size() - 1));
    return Option.some(attempt.at().plus(wait));
  }
}
