package dev.sportello.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sportello.adapter.rest.RestSettings;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Orders against a sandbox that fails, stalls and drops answers at random, with the service killed
 * (SIGKILL) in the middle of orders and started again on the same store, while the sync cycle runs
 * every second. A client retries whatever got no answer with the same Idempotency-Key, as the API
 * asks. Orders take turns: a family-status certificate on Visengine, the same on DocuEngine, and a
 * DocuEngine balance sheet whose search result the client chooses (the choice, which charges the
 * document, faulted at random as well); each order is faulted on its own engine's calls. Afterwards
 * every order must exist exactly once and end fulfilled, and each charging step of each order must
 * have been charged exactly once.
 *
 * <p>The default run orders {@value #DEFAULT_SUBMISSIONS} times on each store, the embedded one and
 * PostgreSQL, kills the service in {@value #DEFAULT_KILL_PERCENT} % of orders, and leaves out
 * answers that come after the service's 30-second read timeout. The campaign: {@code ./mvnw -o -pl
 * bootstrap -am verify -Dtest=FaultCampaignTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsportello.faults.submissions=1000 -Dsportello.faults.timeouts=true}; {@code
 * -Dsportello.faults.engine=embedded} (or {@code postgres}) runs it on one store, {@code
 * -Dsportello.faults.killPercent=N} kills in N % of orders, and {@code -Dsportello.faults.seed=N}
 * repeats a run. The counts are printed at the end.
 */
class FaultCampaignTest {
  private static final int DEFAULT_SUBMISSIONS = 60;
  private static final int DEFAULT_KILL_PERCENT = 5;
  static final String API_KEY = "fault-campaign-api-key";
  static final String CALLER = "campaign";
  private static final String FAMILY_STATUS = "4c84e22bbabd5f25b0102bb3bfe82790";

  private static final Duration STEP = Duration.ofHours(1);

  @TempDir Path dataDir;

  /** The engine an order goes to, and the routes of its API that the faults hit. */
  enum Engine {
    VISENGINE("/richiesta", "PUT", "_id"),
    DOCUENGINE("/requests", "PATCH", "id");

    /** The route of a choice of search result, the call that charges a searched document. */
    static final String CHOICE = "PATCH /requests/{id}";

    /** Lists the requests; a draft is posted here, and a request is closed under its id. */
    private final String requests;

    private final String draft;
    private final String close;
    private final String list;
    private final String idField;

    Engine(String requests, String closeMethod, String idField) {
      this.requests = requests;
      this.draft = "POST " + requests;
      this.close = closeMethod + " " + requests + "/{id}";
      this.list = "GET " + requests;
      this.idField = idField;
    }
  }

  /** What is ordered: a family-status certificate on either engine, or a DocuEngine search. */
  enum Order {
    VISENGINE_FAMILY_STATUS(Engine.VISENGINE),
    DOCUENGINE_FAMILY_STATUS(Engine.DOCUENGINE),
    DOCUENGINE_BALANCE_SHEET(Engine.DOCUENGINE);

    private final Engine engine;

    Order(Engine engine) {
      this.engine = engine;
    }
  }

  /** What happens to a choice of search result. */
  enum ChoiceFault {
    NONE(""),
    FAILS("{\"route\": \"" + Engine.CHOICE + "\", \"type\": \"fail\", \"status\": 500}"),
    ANSWER_DROPPED("{\"route\": \"" + Engine.CHOICE + "\", \"type\": \"drop\"}"),
    PAST_TIMEOUT("{\"route\": \"" + Engine.CHOICE + "\", \"type\": \"delay\", \"millis\": 31000}");

    private final String rule;

    ChoiceFault(String rule) {
      this.rule = rule;
    }
  }

  /** What happens to one order. */
  enum Fault {
    NONE,
    DRAFT_FAILS,
    CLOSE_FAILS,
    DRAFT_ANSWER_DROPPED,
    CLOSE_ANSWER_DROPPED,
    LIST_FAILS,
    CLOSE_PAST_TIMEOUT;

    /** The sandbox's fault rule for an order to the engine. */
    String rule(Engine engine) {
      return switch (this) {
        case NONE -> "";
        case DRAFT_FAILS -> fail(engine.draft, 503);
        case CLOSE_FAILS -> fail(engine.close, 500);
        case DRAFT_ANSWER_DROPPED -> "{\"route\": \"" + engine.draft + "\", \"type\": \"drop\"}";
        case CLOSE_ANSWER_DROPPED -> "{\"route\": \"" + engine.close + "\", \"type\": \"drop\"}";
        case LIST_FAILS -> fail(engine.list, 502);
        case CLOSE_PAST_TIMEOUT ->
            "{\"route\": \"" + engine.close + "\", \"type\": \"delay\", \"millis\": 31000}";
      };
    }

    private static String fail(String route, int status) {
      return "{\"route\": \"" + route + "\", \"type\": \"fail\", \"status\": " + status + "}";
    }
  }

  @Test
  void randomFaultsAndKillsNeitherChargeARequestTwiceNorLoseOneOnTheEmbeddedStore()
      throws Exception {
    assumeTrue(runsOn("embedded"), "the campaign runs on another store");
    campaign("embedded", Map.of());
  }

  @Test
  void randomFaultsAndKillsNeitherChargeARequestTwiceNorLoseOneOnPostgres() throws Exception {
    assumeTrue(runsOn("postgres"), "the campaign runs on another store");
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setCleanDataDirectory(true).start()) {
      campaign(
          "postgres",
          Map.of(
              "SPORTELLO_JDBC_URL",
              postgres.getJdbcUrl("postgres", "postgres"),
              "SPORTELLO_JDBC_USER",
              "postgres"));
    }
  }

  /** Both stores unless {@code sportello.faults.engine} names one. */
  private static boolean runsOn(String engine) {
    String chosen = System.getProperty("sportello.faults.engine", "");
    return chosen.isEmpty() || chosen.equals(engine);
  }

  /** Runs the campaign with the given store settings, then checks what it left. */
  private void campaign(String engine, Map<String, String> store) throws Exception {
    int submissions = Integer.getInteger("sportello.faults.submissions", DEFAULT_SUBMISSIONS);
    long seed = Long.getLong("sportello.faults.seed", System.nanoTime());
    boolean timeouts = Boolean.getBoolean("sportello.faults.timeouts");
    int killPercent = Integer.getInteger("sportello.faults.killPercent", DEFAULT_KILL_PERCENT);
    Random random = new Random(seed);
    Http http = new Http(Duration.ofSeconds(90));
    Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    Map<Order, Integer> ordered = new EnumMap<>(Order.class);
    Map<ChoiceFault, Integer> choiceFaults = new EnumMap<>(ChoiceFault.class);
    int kills = 0;
    int unanswered = 0;
    Instant began = Instant.now();

    try (VisengineSandbox sandbox =
        VisengineSandbox.start(
            SandboxSettings.defaults()
                .withStepDelay(STEP)
                .withControlApi(true)
                .withInitialBalance(new BigDecimal("100000000")))) {
      Map<String, String> environment = new LinkedHashMap<>();
      environment.putAll(environment(dataDir.resolve("store"), sandbox));
      environment.putAll(store);
      Path log = dataDir.resolve("service.log");
      ServiceProcess service = ServiceProcess.start(environment, log);
      try {
        Map<String, String> acknowledged = new LinkedHashMap<>();
        Map<String, Order> toRetry = new LinkedHashMap<>();
        for (int n = 0; n < submissions; n++) {
          String key = "campaign-" + n;
          Order kind = Order.values()[n % Order.values().length];
          Engine orderedFrom = kind.engine;
          ordered.merge(kind, 1, Integer::sum);
          Fault fault = pick(random, timeouts);
          injected.merge(fault, 1, Integer::sum);
          if (fault != Fault.NONE) {
            control(http, sandbox, "POST", "/_sandbox/faults", fault.rule(orderedFrom));
          }
          boolean kill = random.nextInt(100) < killPercent;
          URI target = service.baseUrl().resolve("/api/v1/requests");
          CompletableFuture<Http.Reply> order =
              CompletableFuture.supplyAsync(() -> {
                try {
                  return submit(http, target, key, kind);
                } catch (IOException | InterruptedException unanswer) {
                  return new Http.Reply(0, "");
                }
              });
          if (kill) {
            Thread.sleep(random.nextInt(60));
            service.kill();
            kills++;
            service = ServiceProcess.start(environment, log);
          }
          Http.Reply reply = order.get();
          control(http, sandbox, "DELETE", "/_sandbox/faults", "");
          if (reply.ok()) {
            acknowledged.put(key, reply.json().path("id").asString());
          } else {
            assertThat(reply.status())
                .as("order %s: %s", key, reply.text())
                .isIn(0, 500, 502, 503, 504);
            unanswered++;
            toRetry.put(key, kind);
          }
        }

        for (Map.Entry<String, Order> order : toRetry.entrySet()) {
          acknowledged.put(
              order.getKey(),
              retryUntilAnswered(http, service.baseUrl(), order.getKey(), order.getValue()));
        }
        Map<String, String> statuses =
            syncUntilFulfilled(http, service.baseUrl(), sandbox, random, timeouts, choiceFaults);
        Map<String, Integer> chargesPerUpstream = chargesPerUpstreamRequest(http, sandbox);
        Map<String, Integer> expectedCharges = expectedChargesPerUpstreamRequest(http, sandbox);

        Map<String, Integer> byStatus = new TreeMap<>();
        statuses.values().forEach(status -> byStatus.merge(status, 1, Integer::sum));
        long charged = chargesPerUpstream.values().stream().filter(calls -> calls > 0).count();
        long chargedTwice =
            chargesPerUpstream.entrySet().stream()
                .filter(calls -> calls.getValue() > expectedCharges.get(calls.getKey()))
                .count();
        System.out.printf(
            "fault campaign on %s: seed %d, %d orders %s, faults %s, choices of a search result %s,"
                + " %d kills (SIGKILL), %d orders retried after no answer, %d requests stored %s,"
                + " %d upstream requests (drafts included), %d charged, %d charged more than once"
                + " for a step, %d s%n",
            engine,
            seed,
            submissions,
            ordered,
            injected,
            choiceFaults,
            kills,
            unanswered,
            statuses.size(),
            byStatus,
            chargesPerUpstream.size(),
            charged,
            chargedTwice,
            Duration.between(began, Instant.now()).toSeconds());

        assertThat(acknowledged).hasSize(submissions);
        assertThat(acknowledged.values()).doesNotHaveDuplicates();
        assertThat(statuses.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.values());
        assertThat(byStatus).containsOnlyKeys("FULFILLED");
        assertThat(chargedTwice).isZero();
        assertThat(charged).isEqualTo(submissions);
      } finally {
        service.stop();
      }
    }
  }

  private static Fault pick(Random random, boolean timeouts) {
    int roll = random.nextInt(100);
    if (roll < 40) {
      return Fault.NONE;
    }
    if (timeouts && roll < 41) {
      return Fault.CLOSE_PAST_TIMEOUT;
    }
    Fault[] faults = {
      Fault.DRAFT_FAILS,
      Fault.CLOSE_FAILS,
      Fault.DRAFT_ANSWER_DROPPED,
      Fault.CLOSE_ANSWER_DROPPED,
      Fault.LIST_FAILS
    };
    return faults[random.nextInt(faults.length)];
  }

  /** A service on this store that reaches both engines on the sandbox, syncing every second. */
  static Map<String, String> environment(Path store, VisengineSandbox sandbox) {
    return Map.of(
        "SPORTELLO_DATA_DIR",
        store.toString(),
        "SPORTELLO_HTTP_HOST",
        "127.0.0.1",
        "SPORTELLO_HTTP_PORT",
        "0",
        "SPORTELLO_VISENGINE_URL",
        sandbox.baseUrl().toString(),
        "SPORTELLO_VISENGINE_TOKEN",
        sandbox.token(),
        "SPORTELLO_DOCUENGINE_URL",
        sandbox.baseUrl().toString(),
        "SPORTELLO_DOCUENGINE_TOKEN",
        sandbox.token(),
        "SPORTELLO_API_KEY_HASHES",
        CALLER + "=" + RestSettings.hashApiKey(API_KEY),
        "SPORTELLO_SYNC_INTERVAL",
        "1s");
  }

  private static Http.Reply submit(Http http, URI target, String key, Order order)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (order) {
      case VISENGINE_FAMILY_STATUS -> {
        body.put("certificateId", FAMILY_STATUS);
        body.put("values", SeedCertificates.familyStatusValues().toJavaMap());
        body.put("extras", List.of("opzione_0"));
      }
      case DOCUENGINE_FAMILY_STATUS -> {
        body.put("certificateId", DocuEngineForms.FAMILY_STATUS);
        body.put("values", DocuEngineForms.familyStatus());
      }
      case DOCUENGINE_BALANCE_SHEET -> {
        body.put("certificateId", DocuEngineForms.BALANCE_SHEET);
        body.put("values", Map.of("field0", DocuEngineForms.COMPANY_TAX_CODE));
      }
    }
    return http.send("POST", target, API_KEY, Http.json(body), "Idempotency-Key", key);
  }

  /** The same key and body again, until the service answers with the request. */
  private static String retryUntilAnswered(Http http, URI baseUrl, String key, Order order)
      throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        Http.Reply reply = submit(http, baseUrl.resolve("/api/v1/requests"), key, order);
        if (reply.ok()) {
          return reply.json().path("id").asString();
        }
      } catch (IOException unanswered) {
        // Tried again below, as any client would.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("order " + key + " was never answered");
  }

  /**
   * Moves the sandbox's operators on an hour at a time while the service's sync cycle runs every
   * second, choosing the first result of every search that offers some (the choice itself faulted
   * at random, and made again when it got no answer, as a client would), until every stored request
   * is fulfilled or time is up; gives each request's status.
   */
  private static Map<String, String> syncUntilFulfilled(
      Http http,
      URI baseUrl,
      VisengineSandbox sandbox,
      Random random,
      boolean timeouts,
      Map<ChoiceFault, Integer> choiceFaults)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    Map<String, String> statuses = Map.of();
    while (Instant.now().isBefore(deadline)) {
      sandbox.advance(STEP);
      Thread.sleep(1_500);
      statuses = statuses(http, baseUrl);
      for (Map.Entry<String, String> awaiting : statuses.entrySet()) {
        if (awaiting.getValue().equals("AWAITING_SELECTION")) {
          ChoiceFault fault = pickChoiceFault(random, timeouts);
          choiceFaults.merge(fault, 1, Integer::sum);
          if (fault != ChoiceFault.NONE) {
            control(http, sandbox, "POST", "/_sandbox/faults", fault.rule);
          }
          chooseTheFirstResult(http, baseUrl, awaiting.getKey());
          control(http, sandbox, "DELETE", "/_sandbox/faults", "");
        }
      }
      if (!statuses.isEmpty() && statuses.values().stream().allMatch("FULFILLED"::equals)) {
        return statuses;
      }
    }
    return statuses;
  }

  private static ChoiceFault pickChoiceFault(Random random, boolean timeouts) {
    int roll = random.nextInt(100);
    if (roll < 40) {
      return ChoiceFault.NONE;
    }
    if (timeouts && roll < 41) {
      return ChoiceFault.PAST_TIMEOUT;
    }
    return roll < 70 ? ChoiceFault.FAILS : ChoiceFault.ANSWER_DROPPED;
  }

  /** Chooses a search's first result; an unanswered choice is left for the next round. */
  private static void chooseTheFirstResult(Http http, URI baseUrl, String id) throws Exception {
    try {
      JsonNode request =
          http.send("GET", baseUrl.resolve("/api/v1/requests/" + id), API_KEY, "").json();
      JsonNode round = request.path("searches").get(request.path("searches").size() - 1);
      Http.Reply reply =
          http.send(
              "POST",
              baseUrl.resolve("/api/v1/requests/" + id + "/selection"),
              API_KEY,
              Http.json(
                  Map.of(
                      "searchId", round.path("searchId").asString(),
                      "index", round.path("candidates").get(0).path("index").asInt())));
      assertThat(reply.status())
          .as("choice for %s: %s", id, reply.text())
          .isIn(200, 202, 409, 502, 503, 504);
    } catch (IOException unanswered) {
      // Chosen again in the next round if the request still waits for a choice.
    }
  }

  private static Map<String, String> statuses(Http http, URI baseUrl)
      throws IOException, InterruptedException {
    Map<String, String> statuses = new LinkedHashMap<>();
    String cursor = "";
    do {
      Http.Reply page =
          http.send(
              "GET",
              baseUrl.resolve(
                  "/api/v1/requests?limit=500" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)),
              API_KEY,
              "");
      assertThat(page.ok()).as(page.text()).isTrue();
      for (JsonNode request : page.json().path("items")) {
        statuses.put(request.path("id").asString(), request.path("status").asString());
      }
      cursor = page.json().path("nextCursor").asString("");
    } while (!cursor.isEmpty());
    return statuses;
  }

  /**
   * Every request the sandbox holds for either engine, drafts included, with how many times it was
   * charged.
   */
  private static Map<String, Integer> chargesPerUpstreamRequest(Http http, VisengineSandbox sandbox)
      throws IOException, InterruptedException {
    Map<String, Integer> charges = new LinkedHashMap<>();
    for (Engine engine : Engine.values()) {
      Http.Reply listed =
          http.send("GET", sandbox.baseUrl().resolve(engine.requests), sandbox.token(), "");
      for (JsonNode request : listed.json().path("data")) {
        String id = request.path(engine.idField).asString();
        charges.put(id, sandbox.chargesFor(id).calls());
      }
    }
    return charges;
  }

  /**
   * How many charging calls each upstream request should have had: one (its close), or two for a
   * search (the search's close, then the choice of a result); drafts never closed, none.
   */
  private static Map<String, Integer> expectedChargesPerUpstreamRequest(
      Http http, VisengineSandbox sandbox) throws IOException, InterruptedException {
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (Engine engine : Engine.values()) {
      Http.Reply listed =
          http.send("GET", sandbox.baseUrl().resolve(engine.requests), sandbox.token(), "");
      for (JsonNode request : listed.json().path("data")) {
        boolean searched = request.path("name").asString("").equals("Bilancio Ottico");
        expected.put(request.path(engine.idField).asString(), searched ? 2 : 1);
      }
    }
    return expected;
  }

  private static void control(
      Http http, VisengineSandbox sandbox, String method, String path, String body)
      throws IOException, InterruptedException {
    Http.Reply reply = http.send(method, sandbox.baseUrl().resolve(path), sandbox.token(), body);
    assertThat(reply.ok()).as("%s %s: %s", method, path, reply.text()).isTrue();
  }
}
