package dev.sportello.application.testing;

import static dev.sportello.application.testing.TestData.accepted;
import static dev.sportello.application.testing.TestData.certificate;
import static dev.sportello.application.testing.TestData.closed;
import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static dev.sportello.application.testing.TestData.upstreamId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.DeliveryLogRequest;
import dev.sportello.application.port.out.Page;
import dev.sportello.application.port.out.PageRequest;
import dev.sportello.application.port.out.RequestFilter;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.StoredEndpoint;
import dev.sportello.application.port.out.SyncView;
import dev.sportello.application.port.out.WebhookStore;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.webhook.WebhookDelivery;
import dev.sportello.domain.webhook.WebhookEndpoint;
import dev.sportello.domain.webhook.WebhookEvent;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RequestRepository} must do, the webhook outbox included; an implementation's
 * test extends this and names, in {@link #webhookStore()}, the store whose outbox its writes fill.
 */
public abstract class RequestRepositoryContract {
  private static final SequentialWebhookSecrets SECRETS = new SequentialWebhookSecrets();
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
  private static final Certificate CERTIFICATE = certificate();
  private static final Certificate OTHER_CERTIFICATE =
      certificate("Certificato di residenza", "Anagrafe", false);
  private static final Engine DOCUENGINE = new Engine("docuengine");
  private static final Certificate DOCUENGINE_CERTIFICATE =
      certificate("Certificato di Stato di Famiglia - con bollo", "Anagrafe", false, DOCUENGINE);

  private RequestRepository repository;

  /** A new, empty repository for each test. */
  protected abstract RequestRepository newRepository();

  /**
   * The webhook store whose outbox the repository of the current test fills, over the same storage;
   * called after {@link #newRepository()}.
   */
  protected abstract WebhookStore webhookStore();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  private CertificateRequest request(String id, String caller, int minute) {
    return accepted(id, caller, CERTIFICATE, T0.plusSeconds(60L * minute));
  }

  private Stored<CertificateRequest> insert(CertificateRequest request) {
    return right(repository.insert(request));
  }

  private List<String> ids(Page<CertificateRequest> page) {
    return page.items().map(request -> request.id().value());
  }

  @Test
  void anInsertedRequestIsFoundAtVersionZero() {
    CertificateRequest request = request("r1", "alice", 0);
    insert(request);

    assertThat(right(repository.find(new RequestId("r1")))).contains(new Stored<>(request, 0));
    assertThat(right(repository.find(new RequestId("nope")))).isEmpty();
  }

  @Test
  void aRequestIsFoundByIdAndCallerOnlyForItsOwnCaller() {
    CertificateRequest request = request("r1", "alice", 0);
    insert(request);

    assertThat(right(repository.findOwned(new RequestId("r1"), "alice")))
        .contains(new Stored<>(request, 0));
    assertThat(right(repository.findOwned(new RequestId("r1"), "bob"))).isEmpty();
    assertThat(right(repository.findOwned(new RequestId("nope"), "alice"))).isEmpty();
  }

  @Test
  void insertingAnExistingIdIsADuplicate() {
    insert(request("r1", "alice", 0));

    assertThat(left(repository.insert(request("r1", "bob", 1))))
        .isInstanceOf(StorageFailure.Duplicate.class);
    assertThat(right(repository.find(new RequestId("r1"))).get().value().caller())
        .isEqualTo("alice");
  }

  @Test
  void anUpdateAtTheReadVersionStoresTheNextVersion() {
    Stored<CertificateRequest> stored = insert(request("r1", "alice", 0));
    CertificateRequest cancelled = right(stored.value().cancel("no longer needed", T0));

    Stored<CertificateRequest> updated = right(repository.update(cancelled, stored.version()));

    assertThat(updated.version()).isEqualTo(1);
    assertThat(right(repository.find(new RequestId("r1")))).contains(updated);
  }

  @Test
  void aStaleWriteIsRefusedAndOverwritesNothing() {
    Stored<CertificateRequest> stored = insert(request("r1", "alice", 0));
    CertificateRequest first = right(stored.value().cancel("first", T0));
    CertificateRequest second = right(stored.value().cancel("second", T0));
    right(repository.update(first, stored.version()));

    assertThat(left(repository.update(second, stored.version())))
        .isInstanceOf(StorageFailure.StaleWrite.class);
    assertThat(right(repository.find(new RequestId("r1"))).get().value()).isEqualTo(first);
  }

  @Test
  void twoRequestsNeverShareAnUpstreamId() {
    insert(closed(request("r1", "alice", 0), upstreamId(1), RequestStatus.PROCESSING, T0));
    Stored<CertificateRequest> other = insert(request("r2", "alice", 1));
    CertificateRequest clash = right(other.value().recordDraft(upstreamId(1), T0.plusSeconds(60)));

    assertWritesTakingUpstreamIdOneAreDuplicates(other, clash);
  }

  /** Both the update to the clash and the insert of another request with upstream id 1 fail. */
  private void assertWritesTakingUpstreamIdOneAreDuplicates(
      Stored<CertificateRequest> other, CertificateRequest clash) {
    assertThat(left(repository.update(clash, other.version())))
        .isInstanceOf(StorageFailure.Duplicate.class);
    assertThat(
            left(
                repository.insert(
                    closed(
                        request("r3", "alice", 2), upstreamId(1), RequestStatus.PROCESSING, T0))))
        .isInstanceOf(StorageFailure.Duplicate.class);
  }

  @Test
  void aRequestIsFoundByItsUpstreamId() {
    insert(closed(request("r1", "alice", 0), upstreamId(7), RequestStatus.PROCESSING, T0));

    assertThat(right(repository.findByUpstreamId(upstreamId(7))).map(s -> s.value().id()))
        .contains(new RequestId("r1"));
    assertThat(right(repository.findByUpstreamId(upstreamId(8)))).isEmpty();
  }

  @Test
  void aListingIsNewestFirstWithTheIdBreakingTies() {
    insert(request("a", "alice", 0));
    insert(request("c", "alice", 1));
    insert(request("b", "alice", 1));
    insert(request("d", "alice", 2));

    Page<CertificateRequest> page =
        right(repository.list(RequestFilter.all("alice"), new PageRequest(Option.none(), 10)));

    assertThat(ids(page)).containsExactly("d", "c", "b", "a");
    assertThat(page.next()).isEmpty();
  }

  @Test
  void aListingNeverShowsAnotherCallersRequests() {
    insert(request("a", "alice", 0));
    insert(request("b", "bob", 1));

    assertThat(
            ids(
                right(
                    repository.list(
                        RequestFilter.all("alice"), new PageRequest(Option.none(), 10)))))
        .containsExactly("a");
  }

  @Test
  void aListingFiltersByStatusCertificateAndReference() {
    insert(request("plain", "alice", 0));
    insert(right(request("gone", "alice", 1).cancel("changed my mind", T0)));
    insert(accepted("other", "alice", OTHER_CERTIFICATE, T0.plusSeconds(120)));
    CertificateRequest base = request("tagged", "alice", 3);
    insert(
        CertificateRequest.accept(
            base.id(),
            base.caller(),
            base.certificateName(),
            base.submission(),
            Option.some("file-42"),
            Option.none(),
            base.createdAt()));
    PageRequest first = new PageRequest(Option.none(), 10);

    RequestFilter cancelled =
        new RequestFilter(
            "alice", Option.some(RequestStatus.CANCELLED), Option.none(), Option.none());
    RequestFilter forOther =
        new RequestFilter(
            "alice", Option.none(), Option.some(OTHER_CERTIFICATE.id()), Option.none());
    RequestFilter tagged =
        new RequestFilter("alice", Option.none(), Option.none(), Option.some("file-42"));

    assertThat(ids(right(repository.list(cancelled, first)))).containsExactly("gone");
    assertThat(ids(right(repository.list(forOther, first)))).containsExactly("other");
    assertThat(ids(right(repository.list(tagged, first)))).containsExactly("tagged");
  }

  @Test
  void pagesStayStableWhileNewerRequestsArrive() {
    for (int minute = 1; minute <= 5; minute++) {
      insert(request("r" + minute, "alice", minute));
    }
    Page<CertificateRequest> first =
        right(repository.list(RequestFilter.all("alice"), new PageRequest(Option.none(), 2)));
    insert(request("r6", "alice", 6));
    insert(request("r7", "alice", 7));

    Page<CertificateRequest> second =
        right(repository.list(RequestFilter.all("alice"), new PageRequest(first.next(), 2)));
    Page<CertificateRequest> third =
        right(repository.list(RequestFilter.all("alice"), new PageRequest(second.next(), 2)));

    assertThat(ids(first)).containsExactly("r5", "r4");
    assertThat(ids(second)).containsExactly("r3", "r2");
    assertThat(ids(third)).containsExactly("r1");
    assertThat(third.next()).isEmpty();
  }

  @Test
  void requestsAwaitingDispatchAreTheAcceptedOnesNotClosedOldestFirst() {
    insert(request("new", "alice", 2));
    Stored<CertificateRequest> drafted = insert(request("drafted", "alice", 1));
    right(
        repository.update(
            right(drafted.value().recordDraft(upstreamId(1), T0)), drafted.version()));
    insert(closed(request("closed", "alice", 0), upstreamId(2), RequestStatus.PROCESSING, T0));
    insert(right(request("cancelled", "alice", 0).cancel("no", T0)));

    assertThat(right(repository.awaitingDispatch(10)).map(r -> r.id().value()))
        .containsExactly("drafted", "new");
    assertThat(right(repository.awaitingDispatch(1)).map(r -> r.id().value()))
        .containsExactly("drafted");
  }

  @Test
  void openUpstreamRequestsAreTheNonTerminalOnesWithAnUpstreamId() {
    insert(request("local", "alice", 0));
    insert(closed(request("open", "alice", 1), upstreamId(1), RequestStatus.PROCESSING, T0));
    insert(closed(request("done", "alice", 2), upstreamId(2), RequestStatus.FULFILLED, T0));

    assertThat(right(repository.openUpstream()))
        .containsExactly(
            new SyncView(
                new RequestId("open"),
                TestData.ENGINE,
                upstreamId(1),
                RequestStatus.PROCESSING,
                Option.none()));
  }

  @Test
  void eachRequestKeepsItsEngineThroughWritesReadsAndTheSyncView() {
    Stored<CertificateRequest> docu =
        insert(
            closed(
                accepted("docu", "alice", DOCUENGINE_CERTIFICATE, T0),
                upstreamId(1),
                RequestStatus.PROCESSING,
                T0));
    insert(closed(request("vis", "alice", 1), upstreamId(2), RequestStatus.PROCESSING, T0));
    Instant seen = T0.plusSeconds(60);
    right(repository.update(docu.value().withUpstreamUpdatedAt(seen), docu.version()));

    assertThat(right(repository.find(new RequestId("docu"))).get().value().engine())
        .isEqualTo(DOCUENGINE);
    assertThat(right(repository.openUpstream()))
        .containsExactlyInAnyOrder(
            new SyncView(
                new RequestId("docu"),
                DOCUENGINE,
                upstreamId(1),
                RequestStatus.PROCESSING,
                Option.some(seen)),
            new SyncView(
                new RequestId("vis"),
                TestData.ENGINE,
                upstreamId(2),
                RequestStatus.PROCESSING,
                Option.none()));
  }

  @Test
  void requestsAwaitingTheirDocumentAreAvailableUpstreamWithoutAStoredOne() {
    insert(closed(request("processing", "alice", 0), upstreamId(1), RequestStatus.PROCESSING, T0));
    insert(closed(request("data", "alice", 1), upstreamId(2), RequestStatus.DATA_AVAILABLE, T0));
    insert(closed(request("fulfilled", "alice", 2), upstreamId(3), RequestStatus.FULFILLED, T0));
    insert(
        right(
            closed(request("stored", "alice", 3), upstreamId(4), RequestStatus.FULFILLED, T0)
                .attachDocument(new DocumentRef("x.zip", 1, "00"), T0)));

    assertThat(right(repository.awaitingDocument(10)).map(r -> r.id().value()))
        .containsExactlyInAnyOrder("data", "fulfilled");
  }

  /** The webhook store, with an endpoint registered for the caller. */
  private WebhookStore webhooksWithEndpointFor(String caller) {
    WebhookStore webhooks = webhookStore();
    right(
        webhooks.saveEndpoint(
            new StoredEndpoint(
                new WebhookEndpoint(caller, "https://hooks.example/in", T0, T0),
                SECRETS.next(),
                Option.none())));
    return webhooks;
  }

  /** The events queued for the caller, oldest first. */
  private static List<WebhookEvent> queued(WebhookStore webhooks, String caller) {
    return right(webhooks.deliveries(caller, new DeliveryLogRequest(Option.none(), 100)))
        .items()
        .reverse()
        .map(WebhookDelivery::message)
        .map(message -> message.event());
  }

  private static WebhookEvent.StatusChanged statusChanged(
      String id, Option<RequestStatus> from, RequestStatus to, Instant at) {
    return new WebhookEvent.StatusChanged(new RequestId(id), "alice", from, to, at);
  }

  @Test
  void anInsertQueuesTheFirstStatusForACallerWithAnEndpoint() {
    WebhookStore webhooks = webhooksWithEndpointFor("alice");

    insert(request("r1", "alice", 0));
    insert(request("r2", "bob", 1));

    assertThat(queued(webhooks, "alice"))
        .containsExactly(statusChanged("r1", Option.none(), RequestStatus.ACCEPTED, T0));
    assertThat(queued(webhooks, "bob")).isEmpty();
  }

  @Test
  void anUpdateThatChangesTheStatusQueuesTheChangeFromTheStoredStatus() {
    WebhookStore webhooks = webhooksWithEndpointFor("alice");
    Stored<CertificateRequest> stored = insert(request("r1", "alice", 0));
    Instant later = T0.plusSeconds(90);

    right(repository.update(right(stored.value().cancel("no longer needed", later)), 0));

    assertThat(queued(webhooks, "alice"))
        .containsExactly(
            statusChanged("r1", Option.none(), RequestStatus.ACCEPTED, T0),
            statusChanged(
                "r1", Option.some(RequestStatus.ACCEPTED), RequestStatus.CANCELLED, later));
  }

  @Test
  void anUpdateThatKeepsTheStatusQueuesNothing() {
    WebhookStore webhooks = webhooksWithEndpointFor("alice");
    Stored<CertificateRequest> stored = insert(request("r1", "alice", 0));

    right(repository.update(right(stored.value().recordDraft(upstreamId(1), T0)), 0));

    assertThat(queued(webhooks, "alice")).hasSize(1);
  }

  @Test
  void storingTheDocumentQueuesDocumentReadyOnce() {
    WebhookStore webhooks = webhooksWithEndpointFor("alice");
    Stored<CertificateRequest> fulfilled =
        insert(closed(request("r1", "alice", 0), upstreamId(1), RequestStatus.FULFILLED, T0));
    DocumentRef document = new DocumentRef("r1.zip", 2048, "ab".repeat(32));
    Instant storedAt = T0.plusSeconds(30);

    Stored<CertificateRequest> withDocument =
        right(
            repository.update(
                right(fulfilled.value().attachDocument(document, storedAt)), fulfilled.version()));
    right(
        repository.update(
            withDocument.value().withUpstreamUpdatedAt(storedAt.plusSeconds(1)),
            withDocument.version()));

    assertThat(queued(webhooks, "alice"))
        .containsExactly(
            statusChanged("r1", Option.none(), RequestStatus.FULFILLED, T0),
            new WebhookEvent.DocumentReady(
                new RequestId("r1"), "alice", RequestStatus.FULFILLED, document, storedAt));
  }

  @Test
  void aStaleWriteQueuesNothing() {
    WebhookStore webhooks = webhooksWithEndpointFor("alice");
    Stored<CertificateRequest> stored = insert(request("r1", "alice", 0));
    right(repository.update(right(stored.value().recordDraft(upstreamId(1), T0)), 0));

    assertThat(left(repository.update(right(stored.value().cancel("late", T0)), 0)))
        .isInstanceOf(StorageFailure.StaleWrite.class);
    assertThat(queued(webhooks, "alice")).hasSize(1);
  }

  @Test
  void aWriteRefusedAsADuplicateQueuesNothing() {
    insert(closed(request("r1", "bob", 0), upstreamId(1), RequestStatus.PROCESSING, T0));
    WebhookStore webhooks = webhooksWithEndpointFor("alice");
    Stored<CertificateRequest> other = insert(request("r2", "alice", 1));
    CertificateRequest clash =
        closed(other.value(), upstreamId(1), RequestStatus.PROCESSING, T0.plusSeconds(60));

    assertWritesTakingUpstreamIdOneAreDuplicates(other, clash);
    assertThat(queued(webhooks, "alice")).hasSize(1);
  }
}
