package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.accepted;
import static dev.sportello.application.testing.TestData.certificate;
import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.DeliveryQuery;
import dev.sportello.application.port.in.ListDeliveriesQuery;
import dev.sportello.application.port.in.RegisterEndpointCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.WebhookDeliveriesUseCase;
import dev.sportello.application.port.in.WebhookDeliveriesUseCase.DeliveryListing;
import dev.sportello.application.testing.InMemoryRequestRepository;
import dev.sportello.application.testing.InMemoryWebhookStore;
import dev.sportello.application.testing.MutableClock;
import dev.sportello.application.testing.RecordingWebhookSender;
import dev.sportello.application.testing.SequentialWebhookSecrets;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.webhook.DeliveryState;
import dev.sportello.domain.webhook.WebhookDelivery;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookDeliveryLogTest {
  private final MutableClock clock = MutableClock.atTestEpoch();
  private final InMemoryWebhookStore store = new InMemoryWebhookStore();
  private final InMemoryRequestRepository requests = new InMemoryRequestRepository(store);
  private final WebhookUseCases webhooks =
      WebhookUseCases.create(
          store,
          new RecordingWebhookSender(),
          new SequentialWebhookSecrets(),
          clock,
          WebhookSettings.defaults());
  private final WebhookDeliveriesUseCase log = webhooks.deliveries();

  private void register(String caller) {
    right(
        webhooks
            .endpoints()
            .register(new RegisterEndpointCommand(caller, "https://" + caller + ".example/in")));
  }

  private void order(String id, String caller) {
    right(requests.insert(accepted(id, caller, certificate(), clock.instant())));
    clock.advance(Duration.ofSeconds(1));
  }

  private DeliveryListing list(String caller, Option<String> cursor, int limit) {
    return right(log.list(new ListDeliveriesQuery(caller, cursor, limit)));
  }

  private static java.util.List<String> requestIds(DeliveryListing listing) {
    return listing
        .deliveries()
        .map(delivery -> delivery.message().requestId().value())
        .toJavaList();
  }

  @Test
  void theLogIsPagedNewestFirstWithCursors() {
    register("alice");
    order("r1", "alice");
    order("r2", "alice");
    order("r3", "alice");

    DeliveryListing first = list("alice", Option.none(), 2);
    DeliveryListing second = list("alice", first.nextCursor(), 2);

    assertThat(requestIds(first)).containsExactly("r3", "r2");
    assertThat(requestIds(second)).containsExactly("r1");
    assertThat(second.nextCursor()).isEmpty();
  }

  @Test
  void aForgedCursorAndAnOutOfRangeLimitAreBothReported() {
    UseCaseError error =
        left(log.list(new ListDeliveriesQuery("alice", Option.some("forged"), 101)));

    assertThat(error).isInstanceOf(UseCaseError.InvalidInput.class);
    assertThat(((UseCaseError.InvalidInput) error).violations().map(Violation::code))
        .containsExactly("invalid_cursor", "invalid_limit");
  }

  @Test
  void aDeliveryIsReadOnlyByItsCaller() {
    register("alice");
    order("r1", "alice");
    WebhookDelivery delivery = list("alice", Option.none(), 10).deliveries().single();

    assertThat(right(log.get(new DeliveryQuery("alice", delivery.id())))).isEqualTo(delivery);
    assertThat(left(log.get(new DeliveryQuery("bob", delivery.id()))))
        .isInstanceOf(UseCaseError.NotFound.class);
    assertThat(left(log.get(new DeliveryQuery("alice", "not-a-message-id"))))
        .isInstanceOf(UseCaseError.NotFound.class);
  }

  @Test
  void aPendingDeliveryIsNotReplayed() {
    register("alice");
    order("r1", "alice");
    WebhookDelivery pending = list("alice", Option.none(), 10).deliveries().single();

    assertThat(left(log.replay(new DeliveryQuery("alice", pending.id()))))
        .isInstanceOf(UseCaseError.NotReady.class);
  }

  @Test
  void aFinishedDeliveryIsReplayedNowWithAFreshBudget() {
    register("alice");
    order("r1", "alice");
    right(webhooks.deliverDue().deliverDue());
    String id = list("alice", Option.none(), 10).deliveries().single().id();
    clock.advance(Duration.ofDays(2));

    WebhookDelivery replayed = right(log.replay(new DeliveryQuery("alice", id)));

    assertThat(replayed.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(replayed.nextAttemptAt()).contains(clock.instant());
    assertThat(replayed.queuedAt()).isEqualTo(clock.instant());
    assertThat(replayed.attempts()).hasSize(1);
  }

  @Test
  void nothingIsReplayedWithoutAnEndpoint() {
    register("alice");
    order("r1", "alice");
    String id = list("alice", Option.none(), 10).deliveries().single().id();
    right(webhooks.endpoints().remove("alice"));

    assertThat(left(log.replay(new DeliveryQuery("alice", id))))
        .isInstanceOf(UseCaseError.NotFound.class);
  }
}
