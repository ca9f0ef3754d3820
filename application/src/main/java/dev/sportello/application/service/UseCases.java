package dev.sportello.application.service;

import dev.sportello.application.port.in.AddSearchUseCase;
import dev.sportello.application.port.in.BrowseCatalogUseCase;
import dev.sportello.application.port.in.CancelRequestUseCase;
import dev.sportello.application.port.in.DescribeCertificateUseCase;
import dev.sportello.application.port.in.GetRequestUseCase;
import dev.sportello.application.port.in.GetSpendingUseCase;
import dev.sportello.application.port.in.HandleNotificationUseCase;
import dev.sportello.application.port.in.ListRequestsUseCase;
import dev.sportello.application.port.in.RefreshRequestUseCase;
import dev.sportello.application.port.in.RetrieveDocumentUseCase;
import dev.sportello.application.port.in.SelectCandidateUseCase;
import dev.sportello.application.port.in.SubmitRequestUseCase;
import dev.sportello.application.port.in.SynchroniseUseCase;
import dev.sportello.application.port.in.ValidateSubmissionUseCase;
import dev.sportello.application.port.out.RemoteCallKind;
import io.vavr.collection.Map;

/**
 * The application's one public entry point: builds every use case from the outbound ports. Adapters
 * and embedding code see only the inbound ports it hands out.
 */
public final class UseCases {
  private final Engines engines;
  private final CatalogService catalog;
  private final SubmissionService submissions;
  private final RequestService requests;
  private final SyncService sync;
  private final NotificationService notifications;
  private final DocumentService documents;
  private final SpendingService spending;

  private UseCases(ApplicationPorts ports, ApplicationSettings settings) {
    this.engines = new Engines(ports.upstreams(), ports.callObserver());
    this.spending =
        new SpendingService(
            ports.spending(), settings.spendingCaps(), ports.events(), ports.clock());
    Requests store = new Requests(ports.requests(), ports.events(), spending);
    Reconciler reconciler = new Reconciler(ports.events());
    NotificationTokens tokens = new NotificationTokens(settings.notificationSecret());
    Dispatcher dispatcher =
        new Dispatcher(
            engines,
            store,
            reconciler,
            tokens,
            ports.events(),
            spending,
            settings.webhookBaseUrl(),
            ports.clock());
    this.catalog =
        new CatalogService(engines, ports.snapshots(), ports.clock(), settings.catalogTtl());
    this.submissions =
        new SubmissionService(
            catalog,
            engines,
            store,
            ports.idempotency(),
            dispatcher,
            spending,
            ports.ids(),
            settings.valuePolicy(),
            settings.replayWait(),
            ports.clock());
    this.requests =
        new RequestService(
            store,
            ports.requests(),
            engines,
            reconciler,
            catalog,
            spending,
            settings.valuePolicy(),
            ports.clock());
    this.documents = new DocumentService(store, engines, ports.documents(), ports.clock());
    this.sync =
        new SyncService(
            ports.requests(),
            store,
            engines,
            dispatcher,
            reconciler,
            documents,
            ports.syncLock(),
            ports.events(),
            ports.clock(),
            settings.batchSize());
    this.notifications =
        new NotificationService(tokens, store, engines, reconciler, documents, ports.clock());
  }

  /**
   * Builds the services over the ports.
   *
   * @param ports the outbound ports: engines, stores, observers, ids and the clock
   * @param settings the application's configuration
   * @return the use cases, safe to share between threads
   */
  public static UseCases create(ApplicationPorts ports, ApplicationSettings settings) {
    return new UseCases(ports, settings);
  }

  /**
   * The use case that lists the certificates.
   *
   * @return the use case
   */
  public BrowseCatalogUseCase browseCatalog() {
    return catalog;
  }

  /**
   * The use case that describes one certificate.
   *
   * @return the use case
   */
  public DescribeCertificateUseCase describeCertificate() {
    return catalog;
  }

  /**
   * The use case that checks a submission without ordering.
   *
   * @return the use case
   */
  public ValidateSubmissionUseCase validateSubmission() {
    return submissions;
  }

  /**
   * The use case that orders a certificate.
   *
   * @return the use case
   */
  public SubmitRequestUseCase submitRequest() {
    return submissions;
  }

  /**
   * The use case that reads a stored request.
   *
   * @return the use case
   */
  public GetRequestUseCase getRequest() {
    return requests;
  }

  /**
   * The use case that lists a caller's requests.
   *
   * @return the use case
   */
  public ListRequestsUseCase listRequests() {
    return requests;
  }

  /**
   * The use case that re-reads a request from upstream.
   *
   * @return the use case
   */
  public RefreshRequestUseCase refreshRequest() {
    return requests;
  }

  /**
   * The use case that starts another search round.
   *
   * @return the use case
   */
  public AddSearchUseCase addSearch() {
    return requests;
  }

  /**
   * The use case that chooses a search candidate.
   *
   * @return the use case
   */
  public SelectCandidateUseCase selectCandidate() {
    return requests;
  }

  /**
   * The use case that cancels a request.
   *
   * @return the use case
   */
  public CancelRequestUseCase cancelRequest() {
    return requests;
  }

  /**
   * The use case that runs one sync cycle.
   *
   * @return the use case
   */
  public SynchroniseUseCase synchronise() {
    return sync;
  }

  /**
   * The use case that handles an upstream notification.
   *
   * @return the use case
   */
  public HandleNotificationUseCase handleNotification() {
    return notifications;
  }

  /**
   * The use case that gives a request's document.
   *
   * @return the use case
   */
  public RetrieveDocumentUseCase retrieveDocument() {
    return documents;
  }

  /**
   * The use case that tells a caller what it spent.
   *
   * @return the use case
   */
  public GetSpendingUseCase getSpending() {
    return spending;
  }

  /**
   * Upstream calls made so far, by kind.
   *
   * @return the number of calls of each kind since the use cases were created
   */
  public Map<RemoteCallKind, Long> remoteCalls() {
    return engines.counts();
  }
}
