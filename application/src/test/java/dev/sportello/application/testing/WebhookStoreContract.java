package dev.sportello.application.testing;

import static dev.sportello.application.testing.TestData.accepted;
import static dev.sportello.application.testing.TestData.certificate;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.ClaimedDelivery;
import dev.sportello.application.port.out.DeliveryLogPage;
import dev.sportello.application.port.out.DeliveryLogRequest;
import dev.sportello.application.port.out.ReplayResult;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.StoredEndpoint;
import dev.sportello.application.port.out.WebhookStore;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.webhook.DeliveryAttempt;
import dev.sportello.domain.webhook.DeliveryState;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.WebhookDelivery;
import dev.sportello.domain.webhook.WebhookEndpoint;
import dev.sportello.domain.webhook.WebhookEvent;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookStore} must do, together with the {@link RequestRepository} that fills
 * its outbox; an implementation's test extends this.
 */
public abstract class WebhookStoreContract {
  private static final SequentialWebhookSecrets SECRETS = new SequentialWebhookSecrets();
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  /**
   * A webhook store and the request repository that queues its deliveries, over the same storage.
   *
   * @param webhooks the store under test
   * @param requests the repository whose writes queue the deliveries
   */
  protected record Stores(WebhookStore webhooks, RequestRepository requests) {
    public Stores {
      Objects.requireNonNull(webhooks, "webhooks");
      Objects.requireNonNull(requests, "requests");
    }
  }

  @SuppressWarnings("NullAway.Init") // set before each test
  private WebhookStore store;

  @SuppressWarnings("NullAway.Init") // set before each test
  private RequestRepository requests;

  /** A new, empty store and its repository for each test. */
  protected abstract Stores newStores();

  @BeforeEach
  void createStores() {
    Stores stores = newStores();
    store = stores.webhooks();
    requests = stores.requests();
  }

  private static StoredEndpoint endpoint(String caller, String url) {
    return new StoredEndpoint(
        new WebhookEndpoint(caller, url, T0, T0), SECRETS.next(), Option.none());
  }

  private StoredEndpoint register(String caller) {
    return right(store.saveEndpoint(endpoint(caller, "https://" + caller + ".example/hooks")));
  }

  /** Stores a new request of the caller at the minute, which queues its "accepted" event. */
  private Stored<CertificateRequest> order(String id, String caller, int minute) {
    return right(requests.insert(accepted(id, caller, certificate(), at(minute))));
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  private List<WebhookDelivery> log(String caller) {
    return right(store.deliveries(caller, new DeliveryLogRequest(Option.none(), 100))).items();
  }

  private static DeliveryAttempt attempt(Instant at, SendResult result) {
    return new DeliveryAttempt(at, result);
  }

  @Test
  void aCallerHasNoEndpointUntilOneIsSaved() {
    assertThat(right(store.endpoint("alice"))).isEmpty();
  }

  @Test
  void aSavedEndpointIsFoundWithItsSecrets() {
    StoredEndpoint rotated =
        new StoredEndpoint(
            new WebhookEndpoint("alice", "https://alice.example/hooks?x=1", T0, at(5)),
            SECRETS.next(),
            Option.some(new StoredEndpoint.RetiringSecret(SECRETS.next(), at(60))));

    right(store.saveEndpoint(rotated));

    assertThat(right(store.endpoint("alice"))).contains(rotated);
    assertThat(right(store.endpoint("bob"))).isEmpty();
  }

  @Test
  void savingAnEndpointReplacesTheCallersEarlierOne() {
    register("alice");
    StoredEndpoint replacement = endpoint("alice", "https://elsewhere.example/in");

    right(store.saveEndpoint(replacement));

    assertThat(right(store.endpoint("alice"))).contains(replacement);
  }

  @Test
  void removingAnEndpointGivesUpTheCallersPendingDeliveries() {
    register("alice");
    register("bob");
    order("r1", "alice", 0);
    order("r2", "bob", 0);

    assertThat(right(store.removeEndpoint("alice"))).isTrue();

    assertThat(right(store.endpoint("alice"))).isEmpty();
    assertThat(log("alice"))
        .extracting(WebhookDelivery::state)
        .containsExactly(DeliveryState.FAILED);
    assertThat(log("bob"))
        .extracting(WebhookDelivery::state)
        .containsExactly(DeliveryState.PENDING);
    assertThat(right(store.removeEndpoint("alice"))).isFalse();
  }

  @Test
  void aQueuedDeliveryCarriesItsEventAndIsDueAtOnce() {
    register("alice");
    order("r1", "alice", 3);

    WebhookDelivery delivery = log("alice").single();

    assertThat(delivery.message().event())
        .isEqualTo(
            new WebhookEvent.StatusChanged(
                new RequestId("r1"), "alice", Option.none(), RequestStatus.ACCEPTED, at(3)));
    assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(delivery.nextAttemptAt()).contains(at(3));
    assertThat(delivery.attempts()).isEmpty();
    assertThat(delivery.createdAt()).isEqualTo(at(3));
  }

  @Test
  void aDueDeliveryIsClaimedWithItsEndpointAndNotAgainUntilItsLeaseRunsOut() {
    StoredEndpoint endpoint = register("alice");
    order("r1", "alice", 0);

    List<ClaimedDelivery> first = right(store.claimDue(at(1), LEASE, 10));

    assertThat(first).hasSize(1);
    assertThat(first.head().endpoint()).isEqualTo(endpoint);
    assertThat(right(store.claimDue(at(1), LEASE, 10))).isEmpty();
    assertThat(right(store.claimDue(at(1).plus(LEASE).minusSeconds(1), LEASE, 10))).isEmpty();
    List<ClaimedDelivery> again = right(store.claimDue(at(1).plus(LEASE), LEASE, 10));
    assertThat(again)
        .extracting(ClaimedDelivery::delivery)
        .containsExactly(first.head().delivery());
    assertThat(again.head().claim()).isNotEqualTo(first.head().claim());
  }

  @Test
  void aClaimTakesTheOldestDueDeliveriesUpToItsLimitAndNoneNotYetDue() {
    register("alice");
    order("r1", "alice", 2);
    order("r2", "alice", 0);
    order("r3", "alice", 1);
    order("r4", "alice", 9);

    List<ClaimedDelivery> claimed = right(store.claimDue(at(5), LEASE, 2));

    assertThat(claimed)
        .extracting(claim -> claim.delivery().message().requestId().value())
        .containsExactly("r2", "r3");
    assertThat(right(store.claimDue(at(5), LEASE, 10)))
        .extracting(claim -> claim.delivery().message().requestId().value())
        .containsExactly("r1");
  }

  @Test
  void aDeliveredAttemptEndsTheDelivery() {
    register("alice");
    order("r1", "alice", 0);
    ClaimedDelivery claim = right(store.claimDue(at(1), LEASE, 10)).single();

    assertThat(
            right(
                store.recordAttempt(
                    claim, attempt(at(1), new SendResult.Delivered(204)), Option.none())))
        .isTrue();

    WebhookDelivery delivery = log("alice").single();
    assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(delivery.attempts()).containsExactly(attempt(at(1), new SendResult.Delivered(204)));
    assertThat(delivery.nextAttemptAt()).isEmpty();
    assertThat(right(store.claimDue(at(100), LEASE, 10))).isEmpty();
  }

  @Test
  void aFailedAttemptWithANextTimeIsClaimedAgainOnlyAtThatTime() {
    register("alice");
    order("r1", "alice", 0);
    ClaimedDelivery claim = right(store.claimDue(at(1), LEASE, 10)).single();
    SendResult timeout = new SendResult.Failed(SendResult.FailureKind.TIMEOUT);

    right(store.recordAttempt(claim, attempt(at(1), timeout), Option.some(at(30))));

    WebhookDelivery delivery = log("alice").single();
    assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(delivery.nextAttemptAt()).contains(at(30));
    assertThat(delivery.attemptsThisRound()).isEqualTo(1);
    assertThat(right(store.claimDue(at(29), LEASE, 10))).isEmpty();
    assertThat(right(store.claimDue(at(30), LEASE, 10)).single().delivery()).isEqualTo(delivery);
  }

  @Test
  void aFailedAttemptWithoutANextTimeGivesTheDeliveryUp() {
    register("alice");
    order("r1", "alice", 0);
    ClaimedDelivery claim = right(store.claimDue(at(1), LEASE, 10)).single();

    right(store.recordAttempt(claim, attempt(at(1), new SendResult.Rejected(410)), Option.none()));

    assertThat(log("alice").single().state()).isEqualTo(DeliveryState.FAILED);
    assertThat(log("alice").single().attempts().single().result())
        .isEqualTo(new SendResult.Rejected(410));
  }

  @Test
  void anOvertakenClaimRecordsNothing() {
    register("alice");
    order("r1", "alice", 0);
    ClaimedDelivery stale = right(store.claimDue(at(1), LEASE, 10)).single();
    ClaimedDelivery current = right(store.claimDue(at(1).plus(LEASE), LEASE, 10)).single();

    assertThat(
            right(
                store.recordAttempt(
                    stale, attempt(at(2), new SendResult.Delivered(200)), Option.none())))
        .isFalse();
    assertThat(log("alice").single().attempts()).isEmpty();
    assertThat(
            right(
                store.recordAttempt(
                    current, attempt(at(7), new SendResult.Delivered(200)), Option.none())))
        .isTrue();
  }

  @Test
  void aDeliveryKeepsOnlyItsLatestAttempts() {
    register("alice");
    order("r1", "alice", 0);
    SendResult refused = new SendResult.Failed(SendResult.FailureKind.CONNECTION_REFUSED);
    int attempts = WebhookDelivery.MAX_ATTEMPTS_KEPT + 2;
    for (int minute = 1; minute <= attempts; minute++) {
      ClaimedDelivery claim = right(store.claimDue(at(minute), LEASE, 10)).single();
      right(store.recordAttempt(claim, attempt(at(minute), refused), Option.some(at(minute + 1))));
    }

    WebhookDelivery delivery = log("alice").single();

    assertThat(delivery.attempts()).hasSize(WebhookDelivery.MAX_ATTEMPTS_KEPT);
    assertThat(delivery.attempts().head().at()).isEqualTo(at(3));
    assertThat(delivery.attempts().last().at()).isEqualTo(at(attempts));
    assertThat(delivery.attemptsThisRound()).isEqualTo(attempts);
  }

  @Test
  void theLogIsNewestFirstPagedAndOnlyTheCallersOwn() {
    register("alice");
    register("bob");
    order("r1", "alice", 0);
    order("r2", "alice", 2);
    order("r3", "alice", 1);
    order("r4", "bob", 3);

    DeliveryLogPage first =
        right(store.deliveries("alice", new DeliveryLogRequest(Option.none(), 2)));
    DeliveryLogPage second =
        right(store.deliveries("alice", new DeliveryLogRequest(first.next(), 2)));

    assertThat(first.items())
        .extracting(delivery -> delivery.message().requestId().value())
        .containsExactly("r2", "r3");
    assertThat(second.items())
        .extracting(delivery -> delivery.message().requestId().value())
        .containsExactly("r1");
    assertThat(second.next()).isEmpty();
  }

  @Test
  void aDeliveryIsFoundByIdOnlyByItsCaller() {
    register("alice");
    order("r1", "alice", 0);
    WebhookDelivery delivery = log("alice").single();

    assertThat(right(store.delivery("alice", delivery.id()))).contains(delivery);
    assertThat(right(store.delivery("bob", delivery.id()))).isEmpty();
    assertThat(right(store.delivery("alice", "msg_unknown"))).isEmpty();
  }

  @Test
  void aFinishedDeliveryIsReplayedWithTheSameMessageAndAFreshBudget() {
    register("alice");
    order("r1", "alice", 0);
    ClaimedDelivery claim = right(store.claimDue(at(1), LEASE, 10)).single();
    right(store.recordAttempt(claim, attempt(at(1), new SendResult.Rejected(500)), Option.none()));

    ReplayResult result = right(store.replay("alice", claim.delivery().id(), at(90)));

    WebhookDelivery replayed = log("alice").single();
    assertThat(result).isEqualTo(new ReplayResult.Queued(replayed));
    assertThat(replayed.message()).isEqualTo(claim.delivery().message());
    assertThat(replayed.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(replayed.queuedAt()).isEqualTo(at(90));
    assertThat(replayed.attemptsThisRound()).isZero();
    assertThat(replayed.attempts()).hasSize(1);
    assertThat(right(store.claimDue(at(90), LEASE, 10)).single().delivery()).isEqualTo(replayed);
  }

  @Test
  void aPendingOrAnotherCallersDeliveryIsNotReplayed() {
    register("alice");
    order("r1", "alice", 0);
    WebhookDelivery pending = log("alice").single();

    assertThat(right(store.replay("alice", pending.id(), at(5))))
        .isEqualTo(new ReplayResult.StillPending());
    assertThat(right(store.replay("bob", pending.id(), at(5))))
        .isEqualTo(new ReplayResult.Unknown());
    assertThat(log("alice").single()).isEqualTo(pending);
  }

  @Test
  void purgingDeletesFinishedDeliveriesCreatedBeforeTheTimeAndKeepsPendingOnes() {
    register("alice");
    order("old-done", "alice", 0);
    order("old-pending", "alice", 1);
    order("new-done", "alice", 10);
    for (ClaimedDelivery claim : right(store.claimDue(at(20), LEASE, 10))) {
      if (!claim.delivery().message().requestId().value().equals("old-pending")) {
        right(
            store.recordAttempt(
                claim, attempt(at(20), new SendResult.Delivered(200)), Option.none()));
      }
    }

    assertThat(right(store.purgeDeliveries(at(5)))).isEqualTo(1);

    assertThat(log("alice"))
        .extracting(delivery -> delivery.message().requestId().value())
        .containsExactly("new-done", "old-pending");
  }
}
