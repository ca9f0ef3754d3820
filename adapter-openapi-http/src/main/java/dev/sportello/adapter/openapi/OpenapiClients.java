package dev.sportello.adapter.openapi;

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
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feign clients of one of Openapi's APIs, speaking its common conventions: a bearer token and the
 * user agent on every call; answers in the envelope, decoded into the engine's own {@link Envelope}
 * record; every other answer, and an envelope that says the call failed, thrown as what {@link
 * Failures} reads. An engine declares its calls as Feign interfaces and chooses, for each, the
 * client that repeats or the one that never does.
 */
public final class OpenapiClients {
  private final ApiSettings settings;
  private final JsonMapper mapper;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Class<?> logged;
  private final AnswerDecoder answers;
  private final HttpClient http;
  private final String url;

  private OpenapiClients(
      ApiSettings settings, JsonMapper mapper, Clock clock, Sleeper sleeper, Class<?> logged) {
    this.settings = settings;
    this.mapper = mapper;
    this.clock = clock;
    this.sleeper = sleeper;
    this.logged = logged;
    this.answers = new AnswerDecoder(mapper, clock);
    this.http = httpClient(settings.connectTimeout());
    this.url = settings.baseUrl().toString().replaceAll("/+$", "");
  }

  /**
   * Clients sharing one connection pool.
   *
   * @param mapper reads and writes the engine's JSON
   * @param clock reads {@code Retry-After} dates
   * @param sleeper waits between repeats
   * @param logged the class whose logger tells the calls, at DEBUG, without bodies or headers
   */
  public static OpenapiClients create(
      ApiSettings settings, JsonMapper mapper, Clock clock, Sleeper sleeper, Class<?> logged) {
    Objects.requireNonNull(settings, "settings");
    return new OpenapiClients(settings, mapper, clock, sleeper, logged);
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
    RequestInterceptor credentials =
        template -> {
          String token;
          try {
            token = settings.token().get();
          } catch (RuntimeException failed) {
            throw new MissingToken(
                "the token supplier failed: " + failed.getClass().getSimpleName());
          }
          if (token == null || token.isBlank()) {
            throw new MissingToken("the token supplier gave no token");
          }
          template.header("Authorization", "Bearer " + token.strip());
          template.header("User-Agent", settings.userAgent());
        };
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
        .client(new Http2Client(http))
        .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), true))
        .encoder(new Jackson3Encoder(mapper))
        .decoder(new EnvelopeDecoder(mapper))
        .errorDecoder(answers)
        .requestInterceptor(credentials)
        .responseInterceptor(streamedErrors)
        .logger(new Slf4jLogger(logged))
        .logLevel(Logger.Level.BASIC);
  }

  /** Waits between repeats; replaced in tests. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
  }
}
