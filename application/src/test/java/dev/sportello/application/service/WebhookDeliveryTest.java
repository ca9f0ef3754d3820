package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.accepted;
import static dev.sportello.application.testing.TestData.certificate;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.DeliverWebhooksUseCase.DeliveryReport;
import dev.sportello.application.port.in.DeliveryQuery;
import dev.sportello.application.port.in.EndpointWithSecret;
import dev.sportello.application.port.in.RegisterEndpointCommand;
import dev.sportello.application.port.out.DeliveryLogRequest;
import dev.sportello.application.port.out.WebhookSender;
import dev.sportello.application.testing.InMemoryRequestRepository;
import dev.sportello.application.testing.InMemoryWebhookStore;
import dev.sportello.application.testing.MutableClock;
import dev.sportello.application.testing.RecordingWebhookSender;
import dev.sportello.application.testing.SequentialWebhookSecrets;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.webhook.DeliveryState;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.WebhookDelivery;
import dev.sportello.domain.webhook.WebhookEvent;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
  private static final SendResult UNAVAILABLE = new SendResult.Rejected(503);

  private final MutableClock clock = MutableClock.atTestEpoch();
  private final InMemoryWebhookStore store = new InMemoryWebhookStore();
  private final InMemoryRequestRepository requests = new InMemoryRequestRepository(store);
  private final RecordingWebhookSender sender = new RecordingWebhookSender();
  private WebhookUseCases webhooks = webhooks(WebhookSettings.defaults());

  private WebhookUseCases webhooks(WebhookSettings settings) {
    return WebhookUseCases.create(store, sender, new SequentialWebhookSecrets(), clock, settings);
  }

  private EndpointWithSecret register(String caller) {
    return right(
        webhooks
            .endpoints()
            .register(new RegisterEndpointCommand(caller, "https://" + caller + ".example/in")));
  }

  private void order(String id, String caller) {
    right(requests.insert(accepted(id, caller, certificate(), clock.instant())));
  }

  private DeliveryReport deliverDue() {
    return right(webhooks.deliverDue().deliverDue());
  }

  private WebhookDelivery only(String caller) {
    return right(store.deliveries(caller, new DeliveryLogRequest(Option.none(), 100)))
        .items()
        .single();
  }

  @Test
  void aDueMessageIsSentToTheEndpointSignedWithItsSecret() {
    EndpointWithSecret endpoint = register("alice");
    order("r1", "alice");

    assertThat(deliverDue()).isEqualTo(new DeliveryReport(1, 0, 0, 0, 0));

    RecordingWebhookSender.Sent sent = sender.sent().single();
    assertThat(sent.target().url()).isEqualTo("https://alice.example/in");
    assertThat(sent.target().secrets()).containsExactly(endpoint.secret());
    assertThat(sent.sentAt()).isEqualTo(clock.instant());
    assertThat(sent.message().event())
        .isInstanceOfSatisfying(
            WebhookEvent.StatusChanged.class,
            changed -> assertThat(changed.to()).isEqualTo(RequestStatus.ACCEPTED));
    assertThat(only("alice").state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(deliverDue().idle()).isTrue();
  }

  @Test
  void aFailingEndpointIsRetriedOnStandardWebhooksScheduleThenGivenUp() {
    register("alice");
    order("r1", "alice");
    sender.alwaysAnswer(UNAVAILABLE);

    List<DeliveryReport> reports = List.of(deliverDue());
    while (only("alice").state() == DeliveryState.PENDING) {
      clock.set(only("alice").nextAttemptAt().get());
      reports = reports.append(deliverDue());
    }

    List<Instant> times = sender.sent().map(RecordingWebhookSender.Sent::sentAt);
    assertThat(times.zip(times.tail()).map(pair -> Duration.between(pair._1, pair._2)))
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));
    assertThat(reports.init()).containsOnly(new DeliveryReport(0, 1, 0, 0, 0));
    assertThat(reports.last()).isEqualTo(new DeliveryReport(0, 0, 1, 0, 0));
    assertThat(only("alice").state()).isEqualTo(DeliveryState.FAILED);
    assertThat(only("alice").attempts().map(attempt -> attempt.result()))
        .containsOnly(UNAVAILABLE)
        .hasSize(8);
  }

  @Test
  void aTimeoutIsRetriedAndTheNextAnswerDelivers() {
    register("alice");
    order("r1", "alice");
    sender.thenAnswer(new SendResult.Failed(SendResult.FailureKind.TIMEOUT));

    assertThat(deliverDue()).isEqualTo(new DeliveryReport(0, 1, 0, 0, 0));
    clock.advance(Duration.ofSeconds(5));
    assertThat(deliverDue()).isEqualTo(new DeliveryReport(1, 0, 0, 0, 0));

    assertThat(only("alice").attempts().map(attempt -> attempt.result()))
        .containsExactly(
            new SendResult.Failed(SendResult.FailureKind.TIMEOUT), new SendResult.Delivered(200));
  }

  @Test
  void goneGivesTheDeliveryUpAtOnce() {
    register("alice");
    order("r1", "alice");
    sender.thenAnswer(new SendResult.Rejected(410));

    assertThat(deliverDue()).isEqualTo(new DeliveryReport(0, 0, 1, 0, 0));

    assertThat(only("alice").state()).isEqualTo(DeliveryState.FAILED);
    assertThat(right(webhooks.endpoints().endpoint("alice")).url())
        .isEqualTo("https://alice.example/in");
  }

  @Test
  void aRunSendsAtMostItsBatch() {
    webhooks = webhooks(new WebhookSettings(2, Duration.ofMinutes(5), Duration.ofHours(24)));
    register("alice");
    order("r1", "alice");
    order("r2", "alice");
    order("r3", "alice");

    assertThat(deliverDue()).isEqualTo(new DeliveryReport(2, 0, 0, 0, 0));
    assertThat(deliverDue()).isEqualTo(new DeliveryReport(1, 0, 0, 0, 0));
  }

  @Test
  void aDeliveryClaimedByAWorkerThatDiedIsSentOnceItsLeaseRunsOut() {
    register("alice");
    order("r1", "alice");
    right(store.claimDue(clock.instant(), Duration.ofMinutes(5), 10));

    assertThat(deliverDue().idle()).isTrue();
    clock.advance(Duration.ofMinutes(5));

    assertThat(deliverDue()).isEqualTo(new DeliveryReport(1, 0, 0, 0, 0));
    assertThat(sender.sent()).hasSize(1);
  }

  @Test
  void aMessageSentDuringARotationIsSignedWithBothSecrets() {
    EndpointWithSecret registered = register("alice");
    EndpointWithSecret rotated = right(webhooks.endpoints().rotateSecret("alice"));
    order("r1", "alice");

    deliverDue();

    assertThat(sender.sent().single().target().secrets())
        .containsExactly(rotated.secret(), registered.secret());
  }

  @Test
  void aReplayedDeliveryIsSentAgainWithTheSameMessage() {
    register("alice");
    order("r1", "alice");
    deliverDue();
    clock.advance(Duration.ofHours(1));

    right(webhooks.deliveries().replay(new DeliveryQuery("alice", only("alice").id())));
    assertThat(deliverDue()).isEqualTo(new DeliveryReport(1, 0, 0, 0, 0));

    assertThat(sender.sent()).hasSize(2);
    assertThat(sender.sent().last().message()).isEqualTo(sender.sent().head().message());
    assertThat(sender.sent().last().sentAt()).isEqualTo(clock.instant());
  }

  @Test
  void aCallerWithoutAnEndpointGetsNothingQueued() {
    order("r1", "bob");

    assertThat(deliverDue().idle()).isTrue();
    assertThat(right(store.deliveries("bob", new DeliveryLogRequest(Option.none(), 10))).items())
        .isEmpty();
  }

  @Test
  void anEndpointThatDoesNotAnswerHoldsUpOnlyItsOwnCallersMessages() {
    register("alice");
    register("bob");
    order("a1", "alice");
    order("a2", "alice");
    order("b1", "bob");
    java.util.List<String> posted = java.util.Collections.synchronizedList(new ArrayList<>());
    WebhookSender aliceIsDown =
        (target, message, at) -> {
          posted.add(message.requestId().value());
          return target.url().contains("alice")
              ? new SendResult.Failed(SendResult.FailureKind.TIMEOUT)
              : new SendResult.Delivered(200);
        };

    DeliveryReport report =
        right(
            WebhookUseCases.create(
                    store,
                    aliceIsDown,
                    new SequentialWebhookSecrets(),
                    clock,
                    WebhookSettings.defaults())
                .deliverDue()
                .deliverDue());

    assertThat(report).isEqualTo(new DeliveryReport(1, 1, 0, 1, 0));
    assertThat(posted).containsExactlyInAnyOrder("a1", "b1");
  }

  @Test
  void noSendStartsAfterHalfTheLeaseSoThatNoneOutlivesIt() {
    register("alice");
    order("r1", "alice");
    order("r2", "alice");
    WebhookSender slow =
        (target, message, at) -> {
          clock.advance(Duration.ofMinutes(3));
          return new SendResult.Delivered(200);
        };

    DeliveryReport report =
        right(
            WebhookUseCases.create(
                    store,
                    slow,
                    new SequentialWebhookSecrets(),
                    clock,
                    new WebhookSettings(10, Duration.ofMinutes(5), Duration.ZERO))
                .deliverDue()
                .deliverDue());

    assertThat(report).isEqualTo(new DeliveryReport(1, 0, 0, 1, 0));
  }
}
