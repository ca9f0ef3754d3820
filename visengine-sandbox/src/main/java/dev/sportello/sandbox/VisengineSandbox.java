package dev.sportello.sandbox;

import io.javalin.Javalin;
import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sandbox of Openapi's two document engines, Visengine and DocuEngine, on one port: start
 * it, point a client of either engine at {@link #baseUrl()} with {@link #token()}, and drive time
 * with {@link #advance(Duration)} instead of sleeping. Both engines share one wallet, clock,
 * operators' pace, fault injection and control API. The same port plays Openapi's OAuth v2 service,
 * where the settings' accounts mint tokens whose scopes every engine route checks. DocuEngine's
 * signed download URLs point at a second port, {@link #storageBaseUrl()}: another origin, which
 * takes no bearer token.
 *
 * <pre>{@code
 * try (VisengineSandbox sandbox = VisengineSandbox.start(SandboxSettings.defaults())) {
 *   // GET sandbox.baseUrl().resolve("/visure") with "Authorization: Bearer " + sandbox.token()
 *   // GET sandbox.baseUrl().resolve("/documents") likewise for DocuEngine
 *   sandbox.advance(Duration.ofMinutes(1)); // every request moves on as far as it can
 * }
 * }</pre>
 */
public final class VisengineSandbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VisengineSandbox.class);

  /** How often the operators look at the clock when nobody advances it. */
  private static final Duration TICK = Duration.ofMillis(100);

  private final Javalin server;
  private final Javalin storage;
  private final Operators operators;
  private final Wallet wallet;
  private final CallbackDispatcher callbacks;
  private final CallsInFlight inFlight;
  private final Thread ticker;
  private final Tokens tokens;
  private final String token;
  private final String host;

  private VisengineSandbox(
      Javalin server,
      Javalin storage,
      Operators operators,
      Wallet wallet,
      CallbackDispatcher callbacks,
      CallsInFlight inFlight,
      Tokens tokens,
      String token,
      String host) {
    this.server = server;
    this.storage = storage;
    this.operators = operators;
    this.wallet = wallet;
    this.callbacks = callbacks;
    this.inFlight = inFlight;
    this.ticker =
        Thread.ofPlatform()
            .daemon()
            .name("visengine-sandbox-ticker")
            .unstarted(this::tickUntilClosed);
    this.tokens = tokens;
    this.token = token;
    this.host = host;
  }

  public static VisengineSandbox start(SandboxSettings settings) {
    return start(settings, Clock.systemUTC());
  }

  /**
   * A sandbox whose clock starts from {@code wallClock}: a fixed one holds time still for tests.
   */
  static VisengineSandbox start(SandboxSettings settings, Clock wallClock) {
    SecureRandom random = new SecureRandom();
    List<String> everlasting =
        settings.tokens().isEmpty() ? List.of(Tokens.newToken(random)) : settings.tokens();
    SandboxClock clock = new SandboxClock(wallClock);
    Tokens tokens = new Tokens(everlasting, clock, random);
    CallbackDispatcher callbacks = new CallbackDispatcher(clock);
    // One account: both engines draw on the same wallet, and their ids never collide; each of the
    // account's users mints tokens of its own.
    Wallet wallet = new Wallet(settings.initialBalance());
    OAuthApi oauth = new OAuthApi(new Accounts(settings.accounts()), tokens, wallet, clock.now());
    ObjectIds ids = new ObjectIds(random);
    Simulator simulator =
        new Simulator(
            Catalogue.load(),
            CompanyRegistry.load(),
            clock,
            settings.stepDelay(),
            wallet,
            ids,
            callbacks::enqueue);
    DocuEngineSimulator docuEngine =
        new DocuEngineSimulator(
            DocuCatalogue.load(),
            clock,
            settings.stepDelay(),
            wallet,
            ids,
            callbacks::enqueue,
            DocuFile::render);
    Operators operators = new Operators(clock, simulator, docuEngine, callbacks);
    CallsInFlight inFlight = new CallsInFlight();
    Faults faults = new Faults();
    DocuEngineApi docuEngineApi = new DocuEngineApi(docuEngine, new SignedStorage(random));
    Javalin storage =
        HttpApi.createStorage(simulator, docuEngineApi, faults, inFlight, tokens)
            .start(settings.bindHost(), 0);
    Javalin server;
    try {
      server =
          HttpApi.create(
                  simulator,
                  docuEngineApi,
                  storage.port(),
                  operators,
                  wallet,
                  faults,
                  inFlight,
                  callbacks,
                  tokens,
                  oauth,
                  settings.controlApiEnabled())
              .start(settings.bindHost(), settings.port());
    } catch (RuntimeException portTaken) {
      storage.stop();
      throw portTaken;
    }
    VisengineSandbox sandbox =
        new VisengineSandbox(
            server,
            storage,
            operators,
            wallet,
            callbacks,
            inFlight,
            tokens,
            everlasting.getFirst(),
            settings.bindHost());
    sandbox.ticker.start();
    LOG.info(
        "Visengine and DocuEngine sandbox listening on {}, DocuEngine's storage on {} (control API"
            + " {})",
        sandbox.baseUrl(),
        sandbox.storageBaseUrl(),
        settings.controlApiEnabled() ? "enabled" : "disabled");
    return sandbox;
  }

  public int port() {
    return server.port();
  }

  /**
   * {@code http://host:port}, to which the Visengine paths ({@code /visure}, …), the DocuEngine
   * paths ({@code /documents}, {@code /requests}, …) and the OAuth service's ({@code /tokens},
   * {@code /scopes}, {@code /wallet}) are appended.
   */
  public URI baseUrl() {
    return origin(port());
  }

  /**
   * {@code http://host:port} of the storage DocuEngine's signed download URLs point at: another
   * origin than {@link #baseUrl()}, as the vendor's cloud storage is, which takes no bearer token.
   */
  public URI storageBaseUrl() {
    return origin(storage.port());
  }

  private URI origin(int listening) {
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + literal + ":" + listening);
  }

  /**
   * A token the sandbox accepts (the first configured one, or the generated one): it carries every
   * scope and never expires.
   */
  public String token() {
    return token;
  }

  /**
   * Makes a token minted through the OAuth service ({@code POST /tokens}) expire now, as the
   * control API's {@code POST /_sandbox/tokens/{token}/expire} does.
   *
   * @throws IllegalArgumentException when no minted token has that value (tokens given in the
   *     settings never expire)
   */
  public void expireToken(String mintedToken) {
    try {
      tokens.expireNow(mintedToken);
    } catch (ApiRefusal refused) {
      throw new IllegalArgumentException(refused.text(), refused);
    }
  }

  /** The sandbox clock's current time. */
  public Instant now() {
    return operators.now();
  }

  /** Moves the sandbox clock forward: due lifecycle steps and callback retries happen at once. */
  public void advance(Duration amount) {
    operators.advance(amount);
  }

  /**
   * Waits until no API call of either engine is being served (one held by a delay fault included),
   * at most the limit: a test meets the end of a slow call this way instead of sleeping.
   *
   * @return whether the sandbox became quiet within the limit
   */
  public boolean awaitQuiet(Duration limit) throws InterruptedException {
    return inFlight.awaitNone(limit);
  }

  /** How many calls charged the wallet for a request of either engine, and how much. */
  public SandboxCharges chargesFor(String requestId) {
    return wallet.summaryOf(requestId);
  }

  public BigDecimal balance() {
    return wallet.balance();
  }

  public void setBalance(BigDecimal balance) {
    if (balance.signum() < 0) {
      throw new IllegalArgumentException("balance must not be negative");
    }
    wallet.setBalance(balance, operators.now());
  }

  @Override
  public void close() {
    ticker.interrupt();
    server.stop();
    storage.stop();
    callbacks.close();
  }

  /** The operators' own pace when nobody advances the clock. */
  private void tickUntilClosed() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(TICK);
        operators.catchUp();
      } catch (InterruptedException closing) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException unexpected) {
        // A failing tick must not stop the operators: later ticks may succeed.
        LOG.error("Sandbox tick failed", unexpected);
      }
    }
  }
}
