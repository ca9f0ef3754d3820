package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.sportello.adapter.docuengine.DocuEngineSettings;
import dev.sportello.adapter.visengine.VisengineSettings;
import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The service given only what the Openapi console shows (an e-mail and an API key), the OAuth
 * service's and the engines' addresses: a standalone sandbox with that account plays them all. It
 * mints its own token, orders with it, replaces it once the sandbox expires it, follows the wallet,
 * and never writes the key or a token anywhere, at DEBUG included.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenapiAccountTest {
  private static final String EMAIL = "payroll-ops@example.com";
  private static final String ACCOUNT_API_KEY = "k3y-from-the-openapi-console-0001";
  private static final Pattern WALLET_GAUGE =
      Pattern.compile("(?m)^sportello_wallet_balance_euros(?:\\{[^}]*})? (\\S+)$");

  @TempDir static Path dataDir;

  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  private static final Logger ROOT = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private static final Logger JETTY = (Logger) LoggerFactory.getLogger("org.eclipse.jetty");
  private static Level rootLevel = Level.INFO;

  private static VisengineSandbox sandbox;
  private static Harness app;
  private static Map<String, String> environment = Map.of();

  @BeforeAll
  static void start() {
    rootLevel = ROOT.getLevel();
    LOGS.start();
    ROOT.addAppender(LOGS);
    ROOT.setLevel(Level.DEBUG);
    JETTY.setLevel(Level.INFO);
    sandbox =
        VisengineSandbox.start(
            SandboxSettings.defaults()
                .withStepDelay(Harness.STEP)
                .withAccounts(new SandboxSettings.Account(EMAIL, ACCOUNT_API_KEY)));
    String url = sandbox.baseUrl().toString();
    environment =
        Harness.outsideSandboxMode(
            dataDir,
            Map.of(
                "SPORTELLO_OPENAPI_EMAIL", EMAIL,
                "SPORTELLO_OPENAPI_API_KEY", ACCOUNT_API_KEY,
                "SPORTELLO_OAUTH_URL", url,
                "SPORTELLO_VISENGINE_URL", url,
                "SPORTELLO_DOCUENGINE_URL", url,
                "SPORTELLO_LOG_LEVEL", "DEBUG"));
    app = Harness.start(environment);
  }

  @AfterAll
  static void stop() {
    app.close();
    sandbox.close();
    ROOT.detachAppender(LOGS);
    ROOT.setLevel(rootLevel);
    JETTY.setLevel(null);
  }

  @Test
  @Order(1)
  void theCatalogueListsBothEnginesThroughTheTokenTheServiceMinted() throws Exception {
    JsonNode items = app.ok(app.get("/api/v1/certificates")).path("items");

    assertThat(Harness.texts(items, "id"))
        .contains(Harness.FAMILY_STATUS, Harness.DOCU_FAMILY_STATUS);
    JsonNode tokens = accountTokens();
    assertThat(tokens.size()).isEqualTo(1);
    assertThat(tokens.get(0).path("name").asString()).isEqualTo("Sportello");
  }

  @Test
  @Order(2)
  void theMintedTokenHasExactlyTheScopesBothEnginesNeedAndNoWildcard() throws Exception {
    List<String> scopes = new ArrayList<>();
    accountTokens().get(0).path("scopes").forEach(scope -> scopes.add(scope.asString()));

    assertThat(scopes).noneMatch(scope -> scope.contains("*"));
    assertThat(scopes)
        .containsExactlyInAnyOrderElementsOf(
            VisengineSettings.scopes(true).appendAll(DocuEngineSettings.scopes(true)));
  }

  @Test
  @Order(3)
  void anOrderIsFulfilledAndTheWalletGaugeFollowsTheSandboxsWallet() throws Exception {
    BigDecimal before = sandbox.balance();
    awaitWalletGauge(before);
    String id =
        app.ok(app.submit("account-1", Harness.DOCU_FAMILY_STATUS, Harness.docuFamilyStatus()))
            .path("id")
            .asString();

    app.syncUntil(id, "FULFILLED", sandbox);

    assertThat(app.charges(id, sandbox).calls()).isEqualTo(1);
    assertThat(sandbox.balance()).isLessThan(before);
    assertThat(awaitWalletGauge(sandbox.balance())).isEqualByComparingTo(sandbox.balance());
  }

  @Test
  @Order(4)
  void afterTheSandboxExpiresTheTokenTheNextOrderStillSucceedsWithANewOne() throws Exception {
    String expired = accountTokens().get(0).path("token").asString();
    sandbox.expireToken(expired);

    String id =
        app.ok(app.submit("account-2", Harness.FAMILY_STATUS, Harness.familyStatus("1985-12-10")))
            .path("id")
            .asString();
    app.syncUntil(id, "FULFILLED", sandbox);

    assertThat(app.charges(id, sandbox).calls()).isEqualTo(1);
    JsonNode tokens = accountTokens();
    assertThat(Harness.texts(tokens, "token")).hasSize(1).doesNotContain(expired);
  }

  @Test
  @Order(5)
  void readinessShowsTheBalanceAndTheTokensNameAndExpiryButNeverTheToken() throws Exception {
    awaitWalletGauge(sandbox.balance());
    JsonNode ready = Harness.JSON.readTree(app.text("/health/ready"));
    String token = accountTokens().get(0).path("token").asString();

    assertThat(ready.path("status").asString()).isEqualTo("UP");
    assertThat(ready.path("details").path("token").asString()).isEqualTo("Sportello");
    assertThat(Instant.parse(ready.path("details").path("tokenExpiresAt").asString()))
        .isAfter(Instant.now());
    assertThat(ready.path("details").path("walletBalance").asString())
        .isEqualTo(sandbox.balance().setScale(2).toPlainString());
    assertThat(ready.toString()).doesNotContain(token).doesNotContain(ACCOUNT_API_KEY);
  }

  @Test
  @Order(6)
  void theAccountCommandShowsTheBalanceAndTheMintedTokensScopesButNeverTheToken() throws Exception {
    awaitWalletGauge(sandbox.balance());
    String token = accountTokens().get(0).path("token").asString();

    Cli account = Cli.run(environment, "account");

    assertThat(account.exitCode()).as(account.err()).isZero();
    assertThat(account.out())
        .contains("Balance        " + sandbox.balance().setScale(2).toPlainString() + " EUR")
        .contains("Tokens         1 named \"Sportello\"")
        .contains("    GET:test.docuengine.openapi.com/documents")
        .doesNotContain(token)
        .doesNotContain(ACCOUNT_API_KEY);
  }

  @Test
  @Order(7)
  void theAccountCommandWithoutAnAccountSaysWhatToSet() {
    Cli account = Cli.run(Map.of(), "account");

    assertThat(account.exitCode()).isEqualTo(1);
    assertThat(account.err())
        .contains(
            "error: no Openapi account is configured; set SPORTELLO_OPENAPI_EMAIL and"
                + " SPORTELLO_OPENAPI_API_KEY");
  }

  @Test
  @Order(8)
  void aWrongApiKeyLetsTheServiceStartAndReadinessSaysWhyItIsNotReady(@TempDir Path otherDir)
      throws Exception {
    java.util.Map<String, String> wrongKey = new java.util.HashMap<>(environment);
    wrongKey.put("SPORTELLO_DATA_DIR", otherDir.toString());
    wrongKey.put("SPORTELLO_OPENAPI_API_KEY", "not-the-key-of-this-account");

    try (Harness refused = Harness.start(wrongKey)) {
      assertThat(refused.get("/api/v1/certificates").status()).isEqualTo(503);
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(refused.service.baseUrl().resolve("/health/ready"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(Harness.JSON.readTree(ready.body()).path("details").path("account").asString())
          .isNotBlank();
      assertThat(ready.body()).doesNotContain("not-the-key-of-this-account").doesNotContain(EMAIL);
    }
  }

  @Test
  @Order(9)
  void neitherTheApiKeyNorAnyTokenEverReachedTheServicesOutputAtDebug() throws Exception {
    List<String> secrets = new ArrayList<>(Harness.texts(accountTokens(), "token").toJavaList());
    secrets.add(ACCOUNT_API_KEY);
    secrets.add("not-the-key-of-this-account");
    secrets.add(EMAIL);
    secrets.add(
        Base64.getEncoder()
            .encodeToString((EMAIL + ":" + ACCOUNT_API_KEY).getBytes(StandardCharsets.UTF_8)));
    List<String> lines = logLines();

    assertThat(lines).anyMatch(line -> line.startsWith("DEBUG"));
    for (String secret : secrets) {
      assertThat(lines).noneMatch(line -> line.contains(secret));
    }
  }

  /** The account's tokens as the OAuth service lists them, tokens included. */
  private static JsonNode accountTokens() throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString((EMAIL + ":" + ACCOUNT_API_KEY).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sandbox.baseUrl().resolve("/tokens"))
                    .header("Authorization", "Basic " + basic)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Harness.JSON.readTree(response.body()).path("data");
  }

  /** The gauge once it shows the balance; the wallet is read in the background after a charge. */
  private static BigDecimal awaitWalletGauge(BigDecimal expected) throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      Matcher gauge = WALLET_GAUGE.matcher(app.text("/metrics"));
      if (gauge.find()) {
        last = gauge.group(1);
        if (!last.equals("NaN") && new BigDecimal(last).compareTo(expected) == 0) {
          return new BigDecimal(last);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the wallet gauge never showed " + expected + "; last: " + last);
  }

  private static List<String> logLines() {
    List<ILoggingEvent> events;
    synchronized (LOGS) {
      events = List.copyOf(LOGS.list);
    }
    return events.stream()
        .map(event ->
            event.getLevel()
                + " "
                + event.getFormattedMessage()
                + (event.getThrowableProxy() == null
                    ? ""
                    : " " + ThrowableProxyUtil.asString(event.getThrowableProxy())))
        .toList();
  }
}
