package dev.sportello.bootstrap;

import dev.sportello.adapter.account.AccountSettings;
import dev.sportello.adapter.account.AccountStatus;
import dev.sportello.adapter.account.OpenapiAccount;
import dev.sportello.adapter.account.WalletBalance;
import dev.sportello.adapter.console.ConsoleAdapter;
import dev.sportello.adapter.console.ConsoleSettings;
import dev.sportello.adapter.docuengine.DocuEngineAdapter;
import dev.sportello.adapter.docuengine.DocuEngineSettings;
import dev.sportello.adapter.openapi.BearerToken;
import dev.sportello.adapter.persistence.PersistenceAdapter;
import dev.sportello.adapter.rest.RestAdapter;
import dev.sportello.adapter.rest.RestSettings;
import dev.sportello.adapter.visengine.VisengineAdapter;
import dev.sportello.adapter.visengine.VisengineSettings;
import dev.sportello.adapter.webhooks.WebhooksAdapter;
import dev.sportello.adapter.webhooks.WebhooksSettings;
import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RequestIds;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.application.service.WebhookSettings;
import dev.sportello.application.service.WebhookUseCases;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired by hand: the store, the engines (both played by the embedded sandbox
 * unless an engine's token is configured), the use cases, the REST API, the scheduler and the
 * callers' outbound webhooks. {@link #close()} stops them in the reverse order, letting work in
 * flight finish.
 */
final class Service implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Service.class);

  /** Each engine's notifications arrive under it, at {@code /webhooks/<engine>}. */
  static final String WEBHOOK_PATH = "/webhooks";

  static final String SANDBOX_CALLER = "sandbox";

  /**
   * Batches of ten and a five-minute lease: a send starts only in the lease's first half and lasts
   * at most the sender's fifteen seconds, so that another instance never takes up a delivery still
   * being sent.
   */
  private static final WebhookSettings WEBHOOK_SETTINGS =
      new WebhookSettings(10, Duration.ofMinutes(5), Duration.ofHours(24));

  /** The e-mail of the account the embedded sandbox holds for this service. */
  static final String SANDBOX_ACCOUNT = "sportello@sandbox.invalid";

  /** The calls that charge the wallet, or refund it, after which its balance is read again. */
  private static final Set<RemoteCallKind> CHARGING =
      EnumSet.of(
          RemoteCallKind.CLOSE,
          RemoteCallKind.SEARCH,
          RemoteCallKind.SELECTION,
          RemoteCallKind.CANCEL);

  /** How long the start waits for the engines' first answer; readiness is down until it comes. */
  private static final Duration FIRST_PROBE_WAIT = Duration.ofSeconds(2);

  private final Config config;
  private final Option<VisengineSandbox> sandbox;
  private final PersistenceAdapter persistence;
  private final Option<OpenapiAccount> account;
  private final Metrics metrics;
  private final UseCases useCases;
  private final RestAdapter rest;
  private final Scheduler scheduler;
  private final WebhookDispatch webhookDispatch;
  private final Option<String> generatedApiKey;

  private Service(
      Config config,
      Option<VisengineSandbox> sandbox,
      PersistenceAdapter persistence,
      Option<OpenapiAccount> account,
      Metrics metrics,
      UseCases useCases,
      RestAdapter rest,
      Scheduler scheduler,
      WebhookDispatch webhookDispatch,
      Option<String> generatedApiKey) {
    this.config = config;
    this.sandbox = sandbox;
    this.persistence = persistence;
    this.account = account;
    this.metrics = metrics;
    this.useCases = useCases;
    this.rest = rest;
    this.scheduler = scheduler;
    this.webhookDispatch = webhookDispatch;
    this.generatedApiKey = generatedApiKey;
  }

  /** Starts everything, or says in one line what could not be started (and stops the rest). */
  static Either<String, Service> start(Config config) {
    return start(config, Clock.systemUTC());
  }

  /**
   * Starts everything, sending webhooks by the given clock: it decides which messages are due and
   * signs their timestamps, so that tests can move it past a retry's wait.
   */
  static Either<String, Service> start(Config config, Clock webhookClock) {
    Option<String> unbindable = unbindable(config.httpHost());
    if (unbindable.isDefined()) {
      return Either.left(unbindable.get());
    }
    Either<String, Path> dataDir = Stores.dataDir(config);
    if (dataDir.isLeft()) {
      return Either.left(dataDir.getLeft());
    }
    Either<String, String> secret =
        config
            .webhookSecret()
            .<Either<String, String>>map(Either::right)
            .getOrElse(() -> WebhookSecret.readOrCreate(dataDir.get()));
    if (secret.isLeft()) {
      return Either.left(secret.getLeft());
    }
    Either<String, Integer> port = port(config);
    if (port.isLeft()) {
      return Either.left(port.getLeft());
    }
    // The store opens and migrates on its own thread while the upstream starts: on a small
    // machine the two together take well under the sum of each.
    CompletableFuture<Either<String, PersistenceAdapter>> store =
        CompletableFuture.supplyAsync(
            () -> Stores.open(config, dataDir.get()),
            task -> Thread.ofPlatform().name("sportello-store-open").start(task));
    Option<VisengineSandbox> sandbox = Option.none();
    Option<PersistenceAdapter> opened = Option.none();
    try {
      SortedMap<OpenapiEngine, Config.EngineAccess> engines;
      Option<Config.Account> account;
      switch (config.upstream()) {
        case Config.Upstream.Sandbox embedded -> {
          // The sandbox plays both engines and the OAuth service at one address, and holds an
          // account of its own, whose token Sportello mints as it would on Openapi's.
          SandboxSettings.Account sandboxAccount =
              new SandboxSettings.Account(SANDBOX_ACCOUNT, ApiKeys.generate("sandbox_"));
          VisengineSandbox started =
              VisengineSandbox.start(
                  SandboxSettings.defaults()
                      .withPort(embedded.port())
                      .withStepDelay(embedded.stepDelay())
                      .withAccounts(sandboxAccount)
                      .withControlApi(true));
          sandbox = Option.some(started);
          Config.EngineAccess access = new Config.EngineAccess(started.baseUrl(), Option.none());
          engines =
              TreeMap.ofEntries(
                  List.of(OpenapiEngine.values()).map(engine -> Tuple.of(engine, access)));
          account =
              Option.some(
                  new Config.Account(
                      started.baseUrl(), true, sandboxAccount.email(), sandboxAccount.apiKey()));
        }
        case Config.Upstream.Openapi openapi -> {
          engines = openapi.engines();
          account = openapi.account();
        }
      }
      Either<String, PersistenceAdapter> persistence = store.join();
      if (persistence.isLeft()) {
        sandbox.forEach(VisengineSandbox::close);
        return Either.left(persistence.getLeft());
      }
      opened = persistence.toOption();
      return Either.right(
          wire(
              config,
              port.get(),
              secret.get(),
              persistence.get(),
              sandbox,
              engines,
              account,
              webhookClock));
    } catch (RuntimeException failure) {
      opened
          .orElse(() -> store.exceptionally(thrown -> Either.left("")).join().toOption())
          .forEach(PersistenceAdapter::close);
      sandbox.forEach(VisengineSandbox::close);
      return Either.left("cannot start: " + failure.getMessage());
    }
  }

  private static Service wire(
      Config config,
      int port,
      String secret,
      PersistenceAdapter persistence,
      Option<VisengineSandbox> sandbox,
      SortedMap<OpenapiEngine, Config.EngineAccess> engines,
      Option<Config.Account> account,
      Clock webhookClock) {
    Option<OpenapiAccount> openapiAccount =
        account.map(given ->
            OpenapiAccount.create(
                accountSettings(config, given, engines), persistence.credentials()));
    List<Upstream> upstreams =
        engines
            .toList()
            .map(engine ->
                upstream(
                    engine._1,
                    engine._2.baseUrl(),
                    engine
                        ._2
                        .token()
                        .map(BearerToken::fixed)
                        .getOrElse(() -> openapiAccount.get().token())));
    // With a token given by hand for every engine, the account only shows the wallet: no token is
    // minted, renewed or judged.
    boolean callsWithMintedToken = engines.values().exists(access -> access.token().isEmpty());
    Metrics metrics = new Metrics();
    openapiAccount.forEach(
        opened -> metrics.followWallet(() -> opened.status().wallet().map(WalletBalance::euros)));
    UpstreamHealth upstreamHealth =
        new UpstreamHealth(upstreams.map(Upstream::engine), Clock.systemUTC());
    RemoteCallObserver observers =
        (engine, kind, failure, latency) -> {
          metrics.recorded().called(engine, kind, failure, latency);
          upstreamHealth.called(engine, kind, failure, latency);
          if (movesTheWallet(kind, failure)) {
            openapiAccount.forEach(OpenapiAccount::charged);
          }
        };
    ValuePolicy files =
        new ValuePolicy(config.maxFileBytes(), ValuePolicy.defaults().allowedFileTypes());
    UseCases useCases =
        UseCases.create(
            new ApplicationPorts(
                upstreams,
                persistence.requests(),
                persistence.idempotency(),
                persistence.spending(),
                persistence.catalogue(),
                persistence.documents(),
                metrics.recorded(),
                observers,
                persistence.syncLock(),
                RequestIds.random(),
                Clock.systemUTC()),
            new ApplicationSettings(
                    files, config.catalogTtl(), webhookBase(config, port), secret, 100)
                .withSpendingCaps(config.spendingCaps()));
    WebhookUseCases webhooks =
        WebhookUseCases.create(
            persistence.webhooks(),
            WebhooksAdapter.create(WebhooksSettings.defaults()),
            WebhooksAdapter.secrets(),
            webhookClock,
            WEBHOOK_SETTINGS);
    CompletableFuture<Void> warmedCatalogue = warmCatalogue(config, useCases);
    UpstreamProbe upstreamProbe =
        new UpstreamProbe(upstreams, upstreamHealth, observers, Clock.systemUTC());
    Option<String> generatedKey =
        config.sandboxMode() && config.sandboxApiKey().isEmpty()
            ? Option.some(ApiKeys.generate("sk_sandbox_"))
            : Option.none();
    Map<String, String> keys =
        config
            .apiKeys()
            .merge(
                config
                    .sandboxApiKey()
                    .orElse(generatedKey)
                    .map(key -> HashMap.of(RestSettings.hashApiKey(key), SANDBOX_CALLER))
                    .getOrElse(HashMap.empty()));
    ConsoleSettings consoleSettings = ConsoleSettings.of(keys).withFiles(files);
    ConsoleAdapter console =
        ConsoleAdapter.create(
            useCases,
            config
                .consoleOrigin()
                .map(consoleSettings::withPublicOrigin)
                .getOrElse(consoleSettings));
    RestAdapter rest =
        RestAdapter.create(
            useCases,
            webhooks.endpoints(),
            webhooks.deliveries(),
            new RestSettings(
                config.httpHost(),
                port,
                config.maxBodyBytes(),
                keys,
                RestSettings.DEFAULT_WEBHOOK_WAIT,
                () -> persistence.health().isRight(),
                () -> {
                  upstreamProbe.probeInBackground();
                  return upstreamHealth.healthy()
                      && (!callsWithMintedToken
                          || openapiAccount.forAll(opened -> opened.status().problem().isEmpty()));
                },
                () ->
                    upstreamHealth
                        .details()
                        .merge(
                            openapiAccount
                                .map(Service::readinessDetails)
                                .getOrElse(HashMap.empty())),
                metrics::scrape,
                RestSettings.DEFAULT_STOP_TIMEOUT,
                metrics.recorded()::answered),
            console::mount);
    warmedCatalogue.join();
    // Engines the warm-up did not hear from are asked for their catalogue, which is free; the
    // first readiness check finds the answer unless an engine is slower than this to give it.
    upstreamProbe.probeAndAwait(FIRST_PROBE_WAIT);
    rest.start();
    Scheduler scheduler =
        new Scheduler(
                useCases.synchronise(),
                persistence::purgeExpired,
                persistence::resealStep,
                () -> {
                  if (callsWithMintedToken) {
                    openapiAccount.forEach(OpenapiAccount::renewIfDue);
                  }
                },
                metrics,
                config.syncInterval())
            .start();
    WebhookDispatch webhookDispatch = new WebhookDispatch(webhooks.deliverDue()).start();
    return new Service(
        config,
        sandbox,
        persistence,
        openapiAccount,
        metrics,
        useCases,
        rest,
        scheduler,
        webhookDispatch,
        generatedKey);
  }

  /**
   * In sandbox mode, fetches and stores the catalogue while the API is built: the first request for
   * it would otherwise wait for that. Openapi's engines are not asked before a client asks, and a
   * fetch that fails leaves the first request to try again.
   */
  private static CompletableFuture<Void> warmCatalogue(Config config, UseCases useCases) {
    if (!config.sandboxMode()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(
        () -> {
          try {
            useCases.browseCatalog().browse(BrowseCatalogQuery.everything());
          } catch (RuntimeException unexpected) {
            LOG.warn(
                "fetching the catalogue at start failed unexpectedly: {}",
                unexpected.getClass().getName());
          }
        },
        task -> Thread.ofPlatform().name("sportello-catalogue-warm-up").start(task));
  }

  /**
   * Whether the call may have moved money: a charging call or a cancellation that went through, or
   * one whose answer was lost.
   */
  private static boolean movesTheWallet(RemoteCallKind kind, Option<RemoteFailure> failure) {
    return CHARGING.contains(kind)
        && failure.forAll(RemoteFailure.OutcomeUnknown.class::isInstance);
  }

  /**
   * The account's settings: the scopes of the engines that call with its token (of every enabled
   * engine when all of them were given one by hand, so that the account still shows what a token
   * would need), named, lived and renewed as configured.
   */
  static AccountSettings accountSettings(
      Config config,
      Config.Account account,
      SortedMap<OpenapiEngine, Config.EngineAccess> engines) {
    SortedMap<OpenapiEngine, Config.EngineAccess> minting =
        engines.filter(engine -> engine._2.token().isEmpty());
    List<String> scopes =
        (minting.isEmpty() ? engines : minting)
            .keySet()
            .toList()
            .flatMap(engine -> engine.scopes(account.testEnvironment()));
    AccountSettings settings =
        AccountSettings.of(account.oauthUrl(), account.email(), account.apiKey(), scopes)
            .withTokenName(config.tokenPolicy().name())
            .withTokenLife(config.tokenPolicy().ttl(), config.tokenPolicy().renewMargin());
    return config.walletWarning().map(settings::withWalletWarning).getOrElse(settings);
  }

  /** What readiness tells of the account: never the token, the e-mail or the API key. */
  private static Map<String, String> readinessDetails(OpenapiAccount account) {
    AccountStatus status = account.status();
    java.util.Map<String, String> details = new java.util.HashMap<>();
    details.put("token", status.tokenLabel());
    status
        .wallet()
        .forEach(wallet -> {
          details.put(
              "walletBalance", wallet.euros().setScale(2, RoundingMode.HALF_UP).toPlainString());
          details.put("walletReadAt", wallet.readAt().toString());
        });
    status.tokenExpiresAt().forEach(at -> details.put("tokenExpiresAt", at.toString()));
    status.warning().forEach(warning -> details.put("accountWarning", warning));
    status.problem().forEach(problem -> details.put("account", problem));
    return HashMap.ofAll(details);
  }

  /** The engine's adapter, behind the ports the application calls. */
  private static Upstream upstream(OpenapiEngine engine, URI baseUrl, BearerToken token) {
    return switch (engine) {
      case VISENGINE ->
          Upstream.of(
              VisengineAdapter.ENGINE,
              VisengineAdapter.create(VisengineSettings.of(baseUrl, token)));
      case DOCUENGINE ->
          Upstream.of(
              DocuEngineAdapter.ENGINE,
              DocuEngineAdapter.create(DocuEngineSettings.of(baseUrl, token)));
    };
  }

  /**
   * The base under which each engine posts its notifications, at {@code /<engine>}: under the
   * public URL, or, in sandbox mode, on loopback (the sandbox runs in this process). Outside
   * sandbox mode without a public URL there are none, and the sync cycle alone follows the
   * requests.
   */
  private static Option<String> webhookBase(Config config, int port) {
    Option<URI> base =
        config
            .publicUrl()
            .orElse(() ->
                config.sandboxMode()
                    ? Option.some(
                        URI.create("http://" + loopbackHost(config.httpHost()) + ":" + port))
                    : Option.none());
    return base.map(uri -> uri.toString().replaceAll("/+$", "") + WEBHOOK_PATH);
  }

  private static String loopbackHost(String httpHost) {
    return switch (httpHost) {
      case "localhost", "0.0.0.0", "::", "[::]" -> "127.0.0.1";
      default -> httpHost.contains(":") ? "[" + httpHost + "]" : httpHost;
    };
  }

  /**
   * Why the API cannot listen on the host, when it is none of this machine's addresses: the server
   * would report a name that does not resolve, or another machine's address, as a port already in
   * use. The host is set by {@code SPORTELLO_HTTP_HOST} or the file's {@code http.host}.
   */
  private static Option<String> unbindable(String host) {
    String setting =
        Setting.HTTP_HOST.variable() + " (" + Setting.HTTP_HOST.property() + ") " + host;
    try {
      InetAddress address = InetAddress.getByName(host);
      return address.isAnyLocalAddress()
              || address.isLoopbackAddress()
              || NetworkInterface.getByInetAddress(address) != null
          ? Option.none()
          : Option.some(
              setting
                  + ": not an address of this machine, so nothing can listen on it; use one of"
                  + " its own, localhost, or 0.0.0.0 for every interface");
    } catch (UnknownHostException unknown) {
      return Option.some(
          setting
              + ": neither an IP address nor a host name that resolves; use one of this"
              + " machine's, localhost, or 0.0.0.0 for every interface");
    } catch (SocketException unreadable) {
      return Option.some(setting + ": cannot read this machine's network interfaces");
    }
  }

  /**
   * The configured port; for port 0 a free one, chosen now because the webhook URL, fixed before
   * the API starts, must name it.
   */
  private static Either<String, Integer> port(Config config) {
    if (config.httpPort() != 0) {
      return Either.right(config.httpPort());
    }
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(config.httpHost()))) {
      return Either.right(probe.getLocalPort());
    } catch (IOException failure) {
      return Either.left("cannot find a free port on " + config.httpHost());
    }
  }

  Config config() {
    return config;
  }

  /** The REST API's port. */
  int port() {
    return rest.port();
  }

  /** {@code http://host:port}. */
  URI baseUrl() {
    return URI.create("http://" + loopbackHost(config.httpHost()) + ":" + port());
  }

  /** The API key generated for this run in sandbox mode. */
  Option<String> generatedApiKey() {
    return generatedApiKey;
  }

  Option<VisengineSandbox> sandbox() {
    return sandbox;
  }

  UseCases useCases() {
    return useCases;
  }

  /** The Openapi account whose token the engines call with, when there is one. */
  Option<OpenapiAccount> account() {
    return account;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  PersistenceAdapter persistence() {
    return persistence;
  }

  /**
   * Stops taking requests, lets the sync cycle or purge in flight finish, then closes the store and
   * the sandbox.
   */
  @Override
  public void close() {
    LOG.info("stopping");
    rest.stop();
    webhookDispatch.close();
    scheduler.close();
    account.forEach(OpenapiAccount::close);
    persistence.close();
    sandbox.forEach(VisengineSandbox::close);
    metrics.close();
  }
}
