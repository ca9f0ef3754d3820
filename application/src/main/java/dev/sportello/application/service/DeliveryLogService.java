package dev.sportello.application.service;

import dev.sportello.application.port.in.DeliveryQuery;
import dev.sportello.application.port.in.ListDeliveriesQuery;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.WebhookDeliveriesUseCase;
import dev.sportello.application.port.out.DeliveryLogRequest;
import dev.sportello.application.port.out.ReplayResult;
import dev.sportello.application.port.out.WebhookStore;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.webhook.WebhookDelivery;
import dev.sportello.domain.webhook.WebhookMessage;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;

/** Reads a caller's webhook delivery log and replays deliveries. */
final class DeliveryLogService implements WebhookDeliveriesUseCase {
  private final WebhookStore store;
  private final Clock clock;

  DeliveryLogService(WebhookStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseError, DeliveryListing> list(ListDeliveriesQuery query) {
    List<Violation> problems = List.empty();
    Option<DeliveryLogRequest.Position> after =
        query
            .cursor()
            .flatMap(cursor ->
                Cursors.decode(cursor)
                    .filter(position -> WebhookMessage.isMessageId(position._2))
                    .map(position -> new DeliveryLogRequest.Position(position._1, position._2)));
    if (query.cursor().isDefined() && after.isEmpty()) {
      problems = problems.append(Cursors.unknownCursor());
    }
    problems =
        problems.appendAll(Cursors.limitOutside(query.limit(), DeliveryLogRequest.MAX_LIMIT));
    if (!problems.isEmpty()) {
      return Either.left(new UseCaseError.InvalidInput(problems));
    }
    return store
        .deliveries(query.caller(), new DeliveryLogRequest(after, query.limit()))
        .mapLeft(Failures::of)
        .map(page ->
            new DeliveryListing(
                page.items(),
                page.next().map(next -> Cursors.encode(next.createdAt(), next.id()))));
  }

  @Override
  public Either<UseCaseError, WebhookDelivery> get(DeliveryQuery query) {
    return checkedId(query)
        .flatMap(id -> store.delivery(query.caller(), id).mapLeft(Failures::of))
        .flatMap(found -> found.toEither(DeliveryLogService::unknown));
  }

  @Override
  public Either<UseCaseError, WebhookDelivery> replay(DeliveryQuery query) {
    return checkedId(query)
        .flatMap(id ->
            store
                .endpoint(query.caller())
                .mapLeft(Failures::of)
                .flatMap(endpoint ->
                    endpoint.isEmpty()
                        ? Either.left(
                            new UseCaseError.NotFound(
                                "no webhook endpoint is registered to replay to"))
                        : store
                            .replay(query.caller(), id, clock.instant())
                            .mapLeft(Failures::of)
                            .flatMap(DeliveryLogService::replayed)));
  }

  private static Either<UseCaseError, WebhookDelivery> replayed(ReplayResult result) {
    return switch (result) {
      case ReplayResult.Queued queued -> Either.right(queued.delivery());
      case ReplayResult.StillPending pending ->
          Either.left(
              new UseCaseError.NotReady(
                  "the delivery is still pending; it can be replayed once delivered or given up"));
      case ReplayResult.Unknown missing -> Either.left(unknown());
    };
  }

  private static Either<UseCaseError, String> checkedId(DeliveryQuery query) {
    return WebhookMessage.isMessageId(query.deliveryId())
        ? Either.right(query.deliveryId())
        : Either.left(unknown());
  }

  private static UseCaseError unknown() {
    return new UseCaseError.NotFound("no such webhook delivery");
  }
}
