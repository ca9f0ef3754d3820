package dev.sportello.application.testing;

import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.spending.SpendingCaps;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The use cases wired to the in-memory fakes, with every fake at hand for arranging and asserting.
 *
 * @param useCases the application under test
 * @param visengine the simulated upstream, engine {@link TestData#ENGINE}
 * @param docuengine the second engine's simulated upstream, reached only with {@link
 *     Builder#twoEngines()}
 * @param repository the request store
 * @param idempotency the idempotency keys
 * @param spending what orders reserved of their callers' spending caps
 * @param snapshots the catalogue cache
 * @param documents the document store
 * @param events the recorded status events
 * @param calls the observed upstream calls
 * @param clock the time, moved by the test
 */
public record TestApplication(
    UseCases useCases,
    FakeVisengine visengine,
    FakeVisengine docuengine,
    InMemoryRequestRepository repository,
    InMemoryIdempotencyStore idempotency,
    InMemorySpendingLedger spending,
    InMemoryCatalogSnapshotStore snapshots,
    InMemoryDocumentStore documents,
    RecordingRequestEvents events,
    CountingCallObserver calls,
    MutableClock clock) {

  /** A fixed secret long enough for the settings' check. */
  public static final String SECRET = "test-notification-secret-0123456789abcdef";

  public static Builder builder() {
    return new Builder();
  }

  /** The fakes with default settings and no webhook. */
  public static TestApplication create() {
    return builder().build();
  }

  /** Chooses the settings and, where a test needs it, wraps the request store. */
  public static final class Builder {
    private Option<String> webhookBaseUrl = Option.none();
    private Duration catalogTtl = ApplicationSettings.DEFAULT_CATALOG_TTL;
    private int batchSize = 100;
    private Duration replayWait = ApplicationSettings.DEFAULT_REPLAY_WAIT;
    private SpendingCaps spendingCaps = SpendingCaps.none();
    private UnaryOperator<RequestRepository> wrapRepository = UnaryOperator.identity();
    private UnaryOperator<IdempotencyStore> wrapIdempotency = UnaryOperator.identity();
    private boolean twoEngines = false;
    private Option<InMemoryCatalogSnapshotStore> sharedSnapshots = Option.none();
    private InMemoryWebhookStore webhooks = new InMemoryWebhookStore();

    private Builder() {}

    /**
     * Enables a second engine, {@link TestData#DOCUENGINE}, served by its own fake ({@link
     * TestApplication#docuengine()}), after {@link TestData#ENGINE}.
     */
    public Builder twoEngines() {
      this.twoEngines = true;
      return this;
    }

    /** Keeps the catalogue in another application's store, as two deployments of one would. */
    public Builder snapshots(InMemoryCatalogSnapshotStore store) {
      this.sharedSnapshots = Option.some(store);
      return this;
    }

    /** Queues the requests' webhook events in this store, as the request store's outbox. */
    public Builder webhooks(InMemoryWebhookStore store) {
      this.webhooks = store;
      return this;
    }

    public Builder webhookBaseUrl(String url) {
      this.webhookBaseUrl = Option.some(url);
      return this;
    }

    public Builder catalogTtl(Duration ttl) {
      this.catalogTtl = ttl;
      return this;
    }

    public Builder batchSize(int size) {
      this.batchSize = size;
      return this;
    }

    public Builder replayWait(Duration wait) {
      this.replayWait = wait;
      return this;
    }

    /** Caps what callers may spend, written as the setting is, such as {@code alice=50/day}. */
    public Builder spendingCaps(String caps) {
      this.spendingCaps =
          SpendingCaps.parse(caps)
              .toEither()
              .getOrElseThrow(problems -> new IllegalArgumentException(problems.mkString("; ")));
      return this;
    }

    /**
     * Puts a wrapper between the use cases and the request store, such as one that fails after a
     * given step to stand for a crash; the test still sees the store itself.
     */
    public Builder wrapRepository(UnaryOperator<RequestRepository> wrapper) {
      this.wrapRepository = wrapper;
      return this;
    }

    /** Puts a wrapper between the use cases and the idempotency keys, such as one that watches. */
    public Builder wrapIdempotency(UnaryOperator<IdempotencyStore> wrapper) {
      this.wrapIdempotency = wrapper;
      return this;
    }

    public TestApplication build() {
      MutableClock clock = MutableClock.atTestEpoch();
      FakeVisengine visengine = new FakeVisengine(clock);
      FakeVisengine docuengine = new FakeVisengine(clock);
      InMemoryRequestRepository repository = new InMemoryRequestRepository(webhooks);
      InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore(clock);
      InMemorySpendingLedger spending = new InMemorySpendingLedger();
      InMemoryCatalogSnapshotStore snapshots =
          sharedSnapshots.getOrElse(InMemoryCatalogSnapshotStore::new);
      InMemoryDocumentStore documents = new InMemoryDocumentStore();
      RecordingRequestEvents events = new RecordingRequestEvents();
      CountingCallObserver calls = new CountingCallObserver();
      ApplicationPorts ports =
          new ApplicationPorts(
              twoEngines
                  ? List.of(
                      Upstream.of(TestData.ENGINE, visengine),
                      Upstream.of(TestData.DOCUENGINE, docuengine))
                  : List.of(Upstream.of(TestData.ENGINE, visengine)),
              wrapRepository.apply(repository),
              wrapIdempotency.apply(idempotency),
              spending,
              snapshots,
              documents,
              events,
              calls,
              new SingleInstanceSyncLock(),
              new SequentialRequestIds(),
              clock);
      ApplicationSettings settings =
          new ApplicationSettings(
              ValuePolicy.defaults(),
              catalogTtl,
              webhookBaseUrl,
              SECRET,
              batchSize,
              replayWait,
              spendingCaps);
      return new TestApplication(
          UseCases.create(ports, settings),
          visengine,
          docuengine,
          repository,
          idempotency,
          spending,
          snapshots,
          documents,
          events,
          calls,
          clock);
    }
  }
}
