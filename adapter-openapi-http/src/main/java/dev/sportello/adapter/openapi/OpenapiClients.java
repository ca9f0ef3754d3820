package dev.sportello.adapter.openapi;

import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.ResponseInterceptor;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson3.Jackson3Encoder;
import feign.slf4j.Slf4jLogger;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feign clients of one of Openapi's APIs, speaking its common conventions: a bearer token (HTTP
 * Basic for the OAuth service) and the user agent on every call; answers in the envelope, decoded
 * into the engine's own {@link Envelope} record; every other answer, and an envelope that says the
 * call failed, thrown as what {@link Failures} reads. An engine declares its calls as Feign
 * interfaces and chooses, for each, the client that repeats or the one that never does.
 */
public final class OpenapiClients {
  private final ApiSettings settings;
  private final UnaryOperator<Client> authorizing;
  private final Logger.Level logLevel;
  private final JsonMapper mapper;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Class<?> logged;
  private final boolean quoting;
  private final AnswerDecoder answers;
  private final HttpClient http;
  private final String url;

  private OpenapiClients(
      ApiSettings settings,
      UnaryOperator<Client> authorizing,
      Logger.Level logLevel,
      JsonMapper mapper,
      Clock clock,
      Sleeper sleeper,
      Class<?> logged,
      boolean quoting) {
    this.settings = settings;
    this.authorizing = authorizing;
    this.logLevel = logLevel;
    this.mapper = mapper;
    this.clock = clock;
    this.sleeper = sleeper;
    this.logged = logged;
    this.quoting = quoting;
    this.answers = new AnswerDecoder(mapper, clock, quoting);
    this.http = httpClient(settings.connectTimeout());
    this.url = settings.baseUrl().toString().replaceAll("/+$", "");
  }

  /**
   * Clients sharing one connection pool, calling with a bearer token; after a 401, a call is made
   * once more when the token's source has another (see {@link BearerToken#refused}).
   *
   * @param mapper reads and writes the engine's JSON
   * @param clock reads {@code Retry-After} dates
   * @param sleeper waits between repeats
   * @param logged the class whose logger tells the calls, at DEBUG, without bodies or headers
   */
  public static OpenapiClients create(
      ApiSettings settings,
      BearerToken token,
      JsonMapper mapper,
      Clock clock,
      Sleeper sleeper,
      Class<?> logged) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(token, "token");
    return new OpenapiClients(
        settings,
        client -> new BearerClient(client, token),
        Logger.Level.BASIC,
        mapper,
        clock,
        sleeper,
        logged,
        true);
  }

  /**
   * Clients sharing one connection pool, calling with HTTP Basic credentials, as Openapi's OAuth
   * service takes them: a 401 is the answer, never repeated. Feign logs none of their calls, and no
   * failure quotes an answer's body: the service's paths and answers carry tokens.
   *
   * @param user the account's e-mail address
   * @param password the account's API key
   */
  public static OpenapiClients withBasicAuth(
      ApiSettings settings,
      String user,
      String password,
      JsonMapper mapper,
      Clock clock,
      Sleeper sleeper) {
    Objects.requireNonNull(settings, "settings");
    String credentials =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new OpenapiClients(
        settings,
        client -> (request, options) -> client.execute(authorized(request, credentials), options),
        Logger.Level.NONE,
        mapper,
        clock,
        sleeper,
        OpenapiClients.class,
        false);
  }

  /** A client whose calls are repeated as the settings' {@link RetryPolicy} says. */
  public <T> T repeating(Class<T> calls) {
    return builder()
        .retryer(new BackoffRetryer(settings.retry(), clock, sleeper))
        .target(calls, url);
  }

  /**
   * A client that makes each call once: when an answer is lost, the caller learns that the outcome
   * is unknown.
   */
  public <T> T once(Class<T> calls) {
    return builder().retryer(Retryer.NEVER_RETRY).target(calls, url);
  }

  /**
   * An HTTP client with nothing of an API's configured in it but the connect timeout: no token and
   * no header.
   */
  public static HttpClient httpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private Feign.Builder builder() {
    RequestInterceptor userAgent = template -> template.header("User-Agent", settings.userAgent());
    // A call read as a stream gets its failures here: the decoder sees only what succeeded.
    ResponseInterceptor streamedErrors =
        (context, chain) -> {
          Response response = context.response();
          if (context.returnType() == Response.class
              && (response.status() < 200 || response.status() >= 300)) {
            try (response) {
              throw answers.decode("stream", response);
            }
          }
          return chain.next(context);
        };
    return Feign.builder()
        .client(authorizing.apply(new Http2Client(http)))
        .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), true))
        .encoder(new Jackson3Encoder(mapper))
        .decoder(new EnvelopeDecoder(mapper, quoting))
        .errorDecoder(answers)
        .requestInterceptor(userAgent)
        .responseInterceptor(streamedErrors)
        .logger(new Slf4jLogger(logged))
        .logLevel(logLevel);
  }

  /**
   * The request with {@code value} as its only {@code Authorization} header. It is set on each
   * attempt, not on the request's template, so that a repeat carries the credentials of its own
   * moment and never two of them.
   */
  static Request authorized(Request request, String value) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>(request.headers());
    headers.keySet().removeIf("Authorization"::equalsIgnoreCase);
    headers.put("Authorization", List.of(value));
    return Request.create(
        request.httpMethod(),
        request.url(),
        headers,
        request.body(),
        request.charset(),
        request.requestTemplate());
  }

  /** Waits between repeats; replaced in tests. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
  }
}
