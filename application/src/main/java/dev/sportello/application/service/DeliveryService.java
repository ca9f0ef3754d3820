package dev.sportello.application.service;

import dev.sportello.application.port.in.DeliverWebhooksUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.ClaimedDelivery;
import dev.sportello.application.port.out.WebhookSender;
import dev.sportello.application.port.out.WebhookStore;
import dev.sportello.domain.webhook.DeliveryAttempt;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.WebhookDelivery;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

  /** How many endpoints one run sends to at once. */
  static final int ENDPOINTS_AT_ONCE = 8;

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
    Instant claimedAt = clock.instant();
    return store
        .claimDue(claimedAt, settings.lease(), settings.batchSize())
        .mapLeft(Failures::of)
        .flatMap(claimed -> sendAll(claimedAt.plus(settings.lease().dividedBy(2)), claimed));
  }

  /**
   * Sends the batch, one endpoint's deliveries in turn and up to {@link #ENDPOINTS_AT_ONCE}
   * endpoints at once, so that a slow or dead receiver holds up only its own caller's messages.
   */
  private Either<UseCaseError, DeliveryReport> sendAll(
      Instant lastStart, List<ClaimedDelivery> claimed) {
    java.util.List<Callable<List<Fate>>> perEndpoint =
        claimed
            .groupBy(claim -> claim.delivery().caller())
            .values()
            .map(inTurn -> (Callable<List<Fate>>) () -> sendInTurn(inTurn, lastStart))
            .toJavaList();
    List<Fate> fates = List.empty();
    try (ExecutorService workers =
        Executors.newFixedThreadPool(ENDPOINTS_AT_ONCE, Thread.ofVirtual().factory())) {
      for (Future<List<Fate>> done : workers.invokeAll(perEndpoint)) {
        fates = fates.appendAll(done.get());
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Either.left(new UseCaseError.StorageUnavailable("delivery was interrupted"));
    } catch (ExecutionException bug) {
      throw new IllegalStateException("a webhook send failed unexpectedly", bug.getCause());
    }
    Map<Fate, Integer> counts = fates.groupBy(fate -> fate).mapValues(List::size);
    return Either.right(
        new DeliveryReport(
            counts.getOrElse(Fate.DELIVERED, 0),
            counts.getOrElse(Fate.RETRYING, 0),
            counts.getOrElse(Fate.GIVEN_UP, 0),
            counts.getOrElse(Fate.LEFT, 0),
            counts.getOrElse(Fate.UNRECORDED, 0)));
  }

  /**
   * Sends one endpoint's claimed deliveries in turn. After a send that got no answer (a timeout, a
   * refused connection), the endpoint's other deliveries are left for a later run, as are those
   * whose turn comes after {@code lastStart}: a send starts only in the first half of the lease, so
   * that it ends before another worker may claim the delivery again.
   */
  private List<Fate> sendInTurn(List<ClaimedDelivery> inTurn, Instant lastStart) {
    java.util.List<Fate> fates = new java.util.ArrayList<>(inTurn.size());
    boolean unreachable = false;
    for (ClaimedDelivery claim : inTurn) {
      Instant sentAt = clock.instant();
      if (unreachable || sentAt.isAfter(lastStart)) {
        fates.add(Fate.LEFT);
        continue;
      }
      SendResult result =
          sender.send(claim.endpoint().target(sentAt), claim.delivery().message(), sentAt);
      unreachable = result instanceof SendResult.Failed;
      fates.add(record(claim, new DeliveryAttempt(sentAt, result)));
    }
    return List.ofAll(fates);
  }

  /** Records one attempt; a storage failure is counted and leaves the rest of the batch going. */
  private Fate record(ClaimedDelivery claim, DeliveryAttempt attempt) {
    WebhookDelivery delivery = claim.delivery();
    Option<Instant> next = nextAttempt(delivery, attempt);
    return store
        .recordAttempt(claim, attempt, next)
        .fold(
            failure -> Fate.UNRECORDED,
            recorded ->
                !recorded
                    ? Fate.OVERTAKEN
                    : switch (delivery.after(attempt, next).state()) {
                      case DELIVERED -> Fate.DELIVERED;
                      case PENDING -> Fate.RETRYING;
                      case FAILED -> Fate.GIVEN_UP;
                    });
  }

  /** What became of one claimed delivery in a run. */
  private enum Fate {
    DELIVERED,
    RETRYING,
    GIVEN_UP,
    /** Not sent in this run; taken up again once its lease runs out. */
    LEFT,
    /** Sent, but the attempt could not be stored; sent again once its lease runs out. */
    UNRECORDED,
    /** Sent, but another worker had claimed it meanwhile. */
    OVERTAKEN
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
