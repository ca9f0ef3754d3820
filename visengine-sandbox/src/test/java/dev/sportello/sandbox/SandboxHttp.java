package dev.sportello.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A black-box client for a running sandbox: plain JDK HTTP, JSON read with Jackson. */
final class SandboxHttp implements AutoCloseable {

  static final String COMPANY_REPORT = "eccbc87e4b5ce2fe28308fd9f2a7baf3";
  static final String COMPANY_SEARCH = "afa0b4cu7yd06226i5d89p00077c3j6t";
  static final String PERSON_REPORT = "f3a0979f15915b337aafabcd89c5ee70";
  static final String DURC = "3cbbb9c833f1c94af35494820cda3370";
  static final String FAMILY_STATUS = "4c84e22bbabd5f25b0102bb3bfe82790";
  static final String A2_APPLICATION = "2631ec9b62135de4186f509fea7d954b";
  static final String RESIDENCE = "69663cda34a03ef7efc253262baea547";
  static final String VEHICLE_OWNERS = "89031e957e9cebc4f6e64948f2353727";

  // DocuEngine documents: the vendor's example ids, and the sandbox's civil-registry certificates.
  static final String VISURA_ORDINARIA = "663df75d19a52195e23e315c";
  static final String BILANCIO_OTTICO = "667443c29e6f0e447bc265aa";
  static final String STATUTO = "6687eed51a241a5d1be0f9fa";
  static final String ATTO_OTTICO = "6687eea71a241a5d1be0f9f9";
  static final String VISURA_INGLESE = "66840ce41a241a5d1be0f9e5";
  static final String FAMILY_STATUS_STAMPED = "6751c0a41a241a5d1be0fa10";
  static final String FAMILY_STATUS_EXEMPT = "6751c0a41a241a5d1be0fa11";
  static final String MARRIAGE_EXTRACT = "6751c0a41a241a5d1be0fa16";

  /** A valid partita IVA (check digit included). */
  static final String COMPANY_VAT = "12345678903";

  /** A valid personal codice fiscale (check character included). */
  static final String PERSONAL_CF = "RSSMRA85T10A562S";

  static final String FILE = "delega.pdf|data:application/pdf;base64,JVBERi0xLjQK";

  /** Company report fields that always validate. */
  static final String COMPANY_FIELDS = "{\"$0\":\"1378273\",\"$1\":\"RM\"}";

  /** Where the clock of {@link #startWithTimeStill} stands until the test advances it. */
  static final Instant STILL_AT = Instant.parse("2026-03-02T10:15:30.600Z");

  /** An answer: status, parsed body and the raw text. */
  record Response(int status, JsonNode json, String raw) {
    JsonNode data() {
      return json.path("data");
    }

    int error() {
      return json.path("error").asInt();
    }

    String message() {
      return json.path("message").asString();
    }
  }

  final VisengineSandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  private SandboxHttp(VisengineSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** A sandbox whose operators never move unless the test advances the clock by a minute. */
  static SandboxHttp start() {
    return start(
        SandboxSettings.defaults().withStepDelay(Duration.ofMinutes(1)).withControlApi(true));
  }

  static SandboxHttp start(SandboxSettings settings) {
    return new SandboxHttp(VisengineSandbox.start(settings));
  }

  /**
   * Like {@link #start()}, on a clock that moves only when the test advances it: values derived
   * from "now" can then be asserted exactly.
   */
  static SandboxHttp startWithTimeStill(SandboxSettings.Account... accounts) {
    return new SandboxHttp(
        VisengineSandbox.start(
            SandboxSettings.defaults()
                .withStepDelay(Duration.ofMinutes(1))
                .withControlApi(true)
                .withAccounts(accounts),
            Clock.fixed(STILL_AT, ZoneOffset.UTC)));
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, String body) {
    return send("POST", path, body);
  }

  Response put(String path, String body) {
    return send("PUT", path, body);
  }

  Response patch(String path, String body) {
    return send("PATCH", path, body);
  }

  Response delete(String path, String body) {
    return send("DELETE", path, body);
  }

  Response send(String method, String path, @Nullable String body) {
    return send(method, path, body, sandbox.token());
  }

  Response send(String method, String path, @Nullable String body, @Nullable String token) {
    return sendAuthorized(method, path, body, token == null ? null : "Bearer " + token);
  }

  /** A call to the OAuth service with HTTP Basic {@code email:apiKey}. */
  Response sendBasic(
      String method, String path, @Nullable String body, String email, String apiKey) {
    String credentials =
        Base64.getEncoder().encodeToString((email + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
    return sendAuthorized(method, path, body, "Basic " + credentials);
  }

  /** A call with exactly this {@code Authorization} header, or none. */
  Response sendAuthorized(
      String method, String path, @Nullable String body, @Nullable String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), Json.read(response.body()), response.body());
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  URI uri(String path) {
    return sandbox.baseUrl().resolve(path);
  }

  HttpClient client() {
    return http;
  }

  /** Creates a request (closed unless the body says otherwise) and returns its id. */
  String create(String hash, String jsonVisura, String... extraFields) {
    StringBuilder body =
        new StringBuilder("{\"hash_visura\":\"" + hash + "\",\"json_visura\":" + jsonVisura);
    for (String field : extraFields) {
      body.append(',').append(field);
    }
    Response created = post("/richiesta", body.append('}').toString());
    if (created.status() != 200) {
      throw new AssertionError("creation failed: " + created.raw());
    }
    return created.data().path("_id").asString();
  }

  /** A closed company-search request waiting for a choice; returns its id. */
  String searchFor(String name) {
    return create(COMPANY_SEARCH, "{\"$0\":\"" + name + "\",\"$1\":\"\"}");
  }

  /** A call to the OAuth service as {@code account}. */
  Response oauth(
      SandboxSettings.Account account, String method, String path, @Nullable String body) {
    return sendBasic(method, path, body, account.email(), account.apiKey());
  }

  /** Mints a token with these scopes (and any extra body fields) for {@code account}. */
  Response mint(SandboxSettings.Account account, List<String> scopes, String... extraFields) {
    StringBuilder body = new StringBuilder("{\"scopes\":" + Json.MAPPER.writeValueAsString(scopes));
    for (String field : extraFields) {
      body.append(',').append(field);
    }
    return oauth(account, "POST", "/tokens", body.append('}').toString());
  }

  /** A new token with these scopes for {@code account}. */
  String tokenWith(SandboxSettings.Account account, String... scopes) {
    Response minted = mint(account, List.of(scopes));
    if (minted.status() != 200) {
      throw new AssertionError("minting failed: " + minted.raw());
    }
    return minted.json().path("token").asString();
  }

  /** Creates a DocuEngine request from a {@code POST /requests} body and returns its id. */
  String request(String body) {
    Response created = post("/requests", body);
    if (created.status() != 200) {
      throw new AssertionError("creation failed: " + created.raw());
    }
    return created.data().path("id").asString();
  }

  /** A DocuEngine draft (state NEW) of a document with one tax-code field; returns its id. */
  String draft(String documentId) {
    return request(
        "{\"documentId\":\"%s\",\"state\":\"NEW\",\"search\":{\"field0\":\"%s\"}}"
            .formatted(documentId, COMPANY_VAT));
  }

  /** A DocuEngine request for a Bilancio Ottico, closed, whose search has ended; returns its id. */
  String searchEnded() {
    String id = draft(BILANCIO_OTTICO);
    patch("/requests/" + id, "{\"state\":\"SEARCH\"}");
    sandbox.advance(Duration.ofMinutes(1));
    return id;
  }

  /** The id of a DocuEngine request's first search result. */
  String firstResult(String id) {
    return get("/requests/" + id).data().at("/results/0/id").asString();
  }

  /** Makes a call with the wallet holding {@code balance}, then puts the balance back. */
  Response withBalance(String balance, Supplier<Response> call) {
    BigDecimal before = sandbox.balance();
    sandbox.setBalance(new BigDecimal(balance));
    try {
      return call.get();
    } finally {
      sandbox.setBalance(before);
    }
  }

  /** Runs every operator step the request has left. */
  void finishAll() {
    sandbox.advance(Duration.ofMinutes(5));
  }

  @Override
  public void close() {
    http.close();
    sandbox.close();
  }
}
