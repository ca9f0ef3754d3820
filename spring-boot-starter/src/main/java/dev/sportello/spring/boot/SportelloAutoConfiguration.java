package dev.sportello.spring.boot;

import dev.sportello.adapter.docuengine.DocuEngineAdapter;
import dev.sportello.adapter.docuengine.DocuEngineSettings;
import dev.sportello.adapter.persistence.PersistenceAdapter;
import dev.sportello.adapter.persistence.PersistenceSettings;
import dev.sportello.adapter.visengine.VisengineAdapter;
import dev.sportello.adapter.visengine.VisengineSettings;
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
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.application.port.out.RequestIds;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.SyncLock;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.domain.field.ValuePolicy;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Sportello's library in a Spring application: the engines and the store from {@code sportello.*}
 * and the application's {@code DataSource}, the outbound ports, and the use cases, each use case
 * also as a bean of its own interface. Every bean steps aside for one of the application's of the
 * same type (an engine, for an {@link Upstream} bean of the same name), so that a test or an
 * application can swap any piece.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(SportelloProperties.class)
@SuppressWarnings("UnnecessaryMethodReference") // see the use cases' beans
public final class SportelloAutoConfiguration {
  /** The bean name of the Visengine engine; an {@link Upstream} bean of this name replaces it. */
  public static final String VISENGINE = "sportelloVisengine";

  /** The bean name of the DocuEngine engine; an {@link Upstream} bean of this name replaces it. */
  public static final String DOCUENGINE = "sportelloDocuEngine";

  /** Created by Spring. */
  public SportelloAutoConfiguration() {}

  /** Visengine over HTTP, when {@code sportello.visengine.token} is set. */
  @Bean(VISENGINE)
  @ConditionalOnMissingBean(name = VISENGINE)
  @ConditionalOnProperty("sportello.visengine.token")
  Upstream sportelloVisengine(SportelloProperties properties) {
    Access access =
        Access.of(
            "visengine",
            properties.visengine(),
            VisengineSettings.TEST,
            VisengineSettings.PRODUCTION);
    return Upstream.of(
        VisengineAdapter.ENGINE,
        VisengineAdapter.create(VisengineSettings.of(access.host(), access.token())));
  }

  /** DocuEngine over HTTP, when {@code sportello.docuengine.token} is set. */
  @Bean(DOCUENGINE)
  @ConditionalOnMissingBean(name = DOCUENGINE)
  @ConditionalOnProperty("sportello.docuengine.token")
  Upstream sportelloDocuEngine(SportelloProperties properties) {
    Access access =
        Access.of(
            "docuengine",
            properties.docuengine(),
            DocuEngineSettings.TEST,
            DocuEngineSettings.PRODUCTION);
    return Upstream.of(
        DocuEngineAdapter.ENGINE,
        DocuEngineAdapter.create(DocuEngineSettings.of(access.host(), access.token())));
  }

  /**
   * Where an engine is reached and with which token.
   *
   * @param host the engine's host
   * @param token its bearer token
   */
  private record Access(URI host, String token) {
    /**
     * From an engine's properties: its host is Openapi's test or production host by name, or any
     * http(s) URL.
     */
    static Access of(String prefix, SportelloProperties.Engine engine, URI test, URI production) {
      String property = "sportello." + prefix + ".url";
      URI host =
          switch (engine.url().strip().toLowerCase(Locale.ROOT)) {
            case "test" -> test;
            case "production" -> production;
            default -> httpUrl(property, engine.url().strip());
          };
      return new Access(host, required("sportello." + prefix + ".token", engine.token()));
    }

    private static URI httpUrl(String property, String text) {
      try {
        URI url = URI.create(text);
        boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
        if (http && url.getHost() != null) {
          return url;
        }
      } catch (IllegalArgumentException notAUri) {
        // Said below, as every other text that is not an http(s) URL.
      }
      throw new IllegalStateException(property + " must be test, production or an http(s) URL");
    }
  }

  /**
   * The store in the application's PostgreSQL {@code DataSource}, migrated before anything uses it;
   * the pool stays the application's, and closing the store leaves it open.
   */
  @Bean
  @ConditionalOnMissingBean
  PersistenceAdapter sportelloPersistence(DataSource dataSource, SportelloProperties properties) {
    SportelloProperties.Persistence persistence = properties.persistence();
    Path documents =
        required("sportello.persistence.documents-directory", persistence.documentsDirectory());
    PersistenceSettings lent =
        PersistenceSettings.lent(dataSource, documents).withRetention(persistence.retention());
    PersistenceAdapter adapter =
        PersistenceAdapter.create(
                Option.of(persistence.dataKey())
                    .filter(text -> !text.isBlank())
                    .map(text -> lent.withDataKey(new PersistenceSettings.DataKey.Given(text)))
                    .getOrElse(lent))
            .getOrElseThrow(
                failure -> new IllegalStateException("Sportello's store: " + failure.message()));
    adapter
        .migrate()
        .getOrElseThrow(failure -> {
          adapter.close();
          return new IllegalStateException("Sportello's store: " + failure.message());
        });
    return adapter;
  }

  @Bean
  @ConditionalOnMissingBean
  RequestRepository sportelloRequests(PersistenceAdapter persistence) {
    return persistence.requests();
  }

  @Bean
  @ConditionalOnMissingBean
  IdempotencyStore sportelloIdempotency(PersistenceAdapter persistence) {
    return persistence.idempotency();
  }

  @Bean
  @ConditionalOnMissingBean
  SpendingLedger sportelloSpending(PersistenceAdapter persistence) {
    return persistence.spending();
  }

  @Bean
  @ConditionalOnMissingBean
  CatalogSnapshotStore sportelloCatalogue(PersistenceAdapter persistence) {
    return persistence.catalogue();
  }

  @Bean
  @ConditionalOnMissingBean
  DocumentStore sportelloDocuments(PersistenceAdapter persistence) {
    return persistence.documents();
  }

  /** One sync cycle at a time across the instances sharing the database. */
  @Bean
  @ConditionalOnMissingBean
  SyncLock sportelloSyncLock(PersistenceAdapter persistence) {
    return persistence.syncLock();
  }

  @Bean
  @ConditionalOnMissingBean
  RequestIds sportelloRequestIds() {
    return RequestIds.random();
  }

  /**
   * Status changes logged, when the application has no Micrometer registry ({@link
   * SportelloMetricsAutoConfiguration} records them there otherwise).
   */
  @Bean
  @ConditionalOnMissingBean
  RequestEvents sportelloRequestEvents() {
    return new LoggedRequestEvents();
  }

  /**
   * Upstream calls logged, when the application has no Micrometer registry ({@link
   * SportelloMetricsAutoConfiguration} records them there otherwise).
   */
  @Bean
  @ConditionalOnMissingBean
  RemoteCallObserver sportelloRemoteCallObserver() {
    return new LoggedRemoteCalls();
  }

  @Bean
  @ConditionalOnMissingBean
  ApplicationPorts sportelloPorts(
      ObjectProvider<Upstream> upstreams,
      RequestRepository requests,
      IdempotencyStore idempotency,
      SpendingLedger spending,
      CatalogSnapshotStore catalogue,
      DocumentStore documents,
      RequestEvents events,
      RemoteCallObserver callObserver,
      SyncLock syncLock,
      RequestIds ids) {
    List<Upstream> engines = List.ofAll(upstreams.orderedStream().toList());
    if (engines.isEmpty()) {
      throw new IllegalStateException(
          "Sportello needs an engine: set sportello.visengine.token or sportello.docuengine.token");
    }
    return new ApplicationPorts(
        engines,
        requests,
        idempotency,
        spending,
        catalogue,
        documents,
        events,
        callObserver,
        syncLock,
        ids,
        Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  ApplicationSettings sportelloSettings(SportelloProperties properties) {
    String secret = required("sportello.notification-secret", properties.notificationSecret());
    if (secret.length() < 32) {
      throw new IllegalStateException("sportello.notification-secret needs at least 32 characters");
    }
    Option<String> notificationsBase =
        Option.of(properties.publicUrl())
            .map(url ->
                url.toString().replaceAll("/+$", "")
                    + "/"
                    + properties.notifications().path().replaceAll("^/+|/+$", ""));
    return new ApplicationSettings(
        ValuePolicy.defaults(),
        properties.catalogTtl(),
        notificationsBase,
        secret,
        ApplicationSettings.defaults(secret).batchSize());
  }

  @Bean
  @ConditionalOnMissingBean
  UseCases sportelloUseCases(ApplicationPorts ports, ApplicationSettings settings) {
    return UseCases.create(ports, settings);
  }

  // Each use case below is a view of one interface of the service behind it (hence the method
  // references, which Error Prone would unwrap): a service serves several (the catalogue browses
  // and describes), and each bean must be the only one of its type.

  @Bean
  @ConditionalOnMissingBean
  BrowseCatalogUseCase sportelloBrowseCatalog(UseCases useCases) {
    return useCases.browseCatalog()::browse;
  }

  @Bean
  @ConditionalOnMissingBean
  DescribeCertificateUseCase sportelloDescribeCertificate(UseCases useCases) {
    return useCases.describeCertificate()::describe;
  }

  @Bean
  @ConditionalOnMissingBean
  ValidateSubmissionUseCase sportelloValidateSubmission(UseCases useCases) {
    return useCases.validateSubmission()::validate;
  }

  @Bean
  @ConditionalOnMissingBean
  SubmitRequestUseCase sportelloSubmitRequest(UseCases useCases) {
    return useCases.submitRequest()::submit;
  }

  @Bean
  @ConditionalOnMissingBean
  GetRequestUseCase sportelloGetRequest(UseCases useCases) {
    return useCases.getRequest()::get;
  }

  @Bean
  @ConditionalOnMissingBean
  ListRequestsUseCase sportelloListRequests(UseCases useCases) {
    return useCases.listRequests()::list;
  }

  @Bean
  @ConditionalOnMissingBean
  RefreshRequestUseCase sportelloRefreshRequest(UseCases useCases) {
    return useCases.refreshRequest()::refresh;
  }

  @Bean
  @ConditionalOnMissingBean
  AddSearchUseCase sportelloAddSearch(UseCases useCases) {
    return useCases.addSearch()::addSearch;
  }

  @Bean
  @ConditionalOnMissingBean
  SelectCandidateUseCase sportelloSelectCandidate(UseCases useCases) {
    return useCases.selectCandidate()::select;
  }

  @Bean
  @ConditionalOnMissingBean
  CancelRequestUseCase sportelloCancelRequest(UseCases useCases) {
    return useCases.cancelRequest()::cancel;
  }

  @Bean
  @ConditionalOnMissingBean
  SynchroniseUseCase sportelloSynchronise(UseCases useCases) {
    return useCases.synchronise()::synchronise;
  }

  @Bean
  @ConditionalOnMissingBean
  HandleNotificationUseCase sportelloHandleNotification(UseCases useCases) {
    return useCases.handleNotification()::handle;
  }

  @Bean
  @ConditionalOnMissingBean
  RetrieveDocumentUseCase sportelloRetrieveDocument(UseCases useCases) {
    return useCases.retrieveDocument()::retrieve;
  }

  @Bean
  @ConditionalOnMissingBean
  GetSpendingUseCase sportelloGetSpending(UseCases useCases) {
    return useCases.getSpending()::spending;
  }

  /**
   * The sync cycle every {@code sportello.sync.interval}, unless {@code sportello.sync.enabled} is
   * {@code false}.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(name = "sportello.sync.enabled", matchIfMissing = true)
  SyncScheduler sportelloSyncScheduler(
      SynchroniseUseCase sync,
      ObjectProvider<PersistenceAdapter> store,
      SportelloProperties properties) {
    return new SyncScheduler(sync, Option.of(store.getIfUnique()), properties.sync().interval());
  }

  /** A property the starter cannot do without; its absence stops the application, naming it. */
  static <T> T required(String property, @org.jspecify.annotations.Nullable T value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new IllegalStateException(property + " is required");
    }
    return value;
  }
}
