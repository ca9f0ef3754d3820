package dev.sportello.bootstrap;

import dev.sportello.domain.spending.SpendingCaps;
import io.vavr.collection.Map;
import io.vavr.collection.SortedMap;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The service's configuration, read and checked by {@link ConfigLoader}: every value here is valid.
 *
 * @param httpHost the interface the REST API listens on
 * @param httpPort the REST API's port
 * @param dataDir the embedded database, the documents and the generated webhook secret live here
 * @param apiKeys who may call the API: key hashes mapped to callers
 * @param sandboxApiKey sandbox mode only: a plain key to accept instead of a generated one
 * @param upstream the embedded sandbox or Openapi's engines
 * @param database the embedded (SQLite) file under the data dir, or PostgreSQL
 * @param poolSize the most database connections
 * @param publicUrl where the engines reach our webhooks, when they can
 * @param consoleOrigin the origin browsers open the web console at, when a proxy hides it
 * @param webhookSecret the webhook token key; empty: generated once and kept in the data dir
 * @param dataKey the keys that seal personal data; empty: generated once and kept in the data dir
 * @param syncInterval how often the sync cycle runs (before jitter)
 * @param catalogTtl how long catalogue answers are reused
 * @param retention how long personal data of finished requests is kept
 * @param maxFileBytes the largest decoded file in a file field
 * @param maxBodyBytes the largest request body
 * @param tokenPolicy how the token Sportello mints with the account is named and kept
 * @param walletWarning a balance below which a warning is logged once
 * @param logFormat how log lines look
 * @param logLevel the root log level
 * @param spendingCaps what each caller may order per day and per month
 */
record Config(
    String httpHost,
    int httpPort,
    Path dataDir,
    Map<String, String> apiKeys,
    Option<String> sandboxApiKey,
    Upstream upstream,
    Database database,
    int poolSize,
    Option<URI> publicUrl,
    Option<URI> consoleOrigin,
    Option<String> webhookSecret,
    Option<String> dataKey,
    Duration syncInterval,
    Duration catalogTtl,
    Duration retention,
    long maxFileBytes,
    long maxBodyBytes,
    TokenPolicy tokenPolicy,
    Option<BigDecimal> walletWarning,
    LogFormat logFormat,
    String logLevel,
    SpendingCaps spendingCaps) {

  /** Where requests go. */
  sealed interface Upstream {
    /** The sandbox of both engines, started in-process on a loopback port. */
    record Sandbox(int port, Duration stepDelay) implements Upstream {}

    /**
     * Openapi's engines (or servers that speak their APIs), at least one, in the order the
     * catalogue lists them, and the account that mints the token of those given none.
     */
    record Openapi(SortedMap<OpenapiEngine, EngineAccess> engines, Option<Account> account)
        implements Upstream {
      public Openapi {
        if (engines.isEmpty()) {
          throw new IllegalArgumentException("at least one engine");
        }
        if (account.isEmpty() && engines.values().exists(access -> access.token().isEmpty())) {
          throw new IllegalArgumentException("an engine without a token needs the account");
        }
      }
    }
  }

  /** Where one engine is, and the bearer token minted by hand for it, if any. */
  record EngineAccess(URI baseUrl, Option<String> token) {
    /** Leaves the token out. */
    @Override
    public String toString() {
      return "EngineAccess[baseUrl="
          + baseUrl
          + ", token="
          + (token.isDefined() ? "given" : "minted")
          + "]";
    }
  }

  /**
   * The Openapi account whose e-mail and API key mint the engines' token on its OAuth service.
   *
   * @param oauthUrl the OAuth service
   * @param testEnvironment whether the scopes asked for name the engines' test hosts
   */
  record Account(URI oauthUrl, boolean testEnvironment, String email, String apiKey) {
    /** Leaves the e-mail and the API key out. */
    @Override
    public String toString() {
      return "Account[oauthUrl=" + oauthUrl + ", testEnvironment=" + testEnvironment + "]";
    }
  }

  /**
   * How the token Sportello mints is named and kept.
   *
   * @param name its name in the Openapi console
   * @param ttl how long it lasts
   * @param renewMargin how long before its expiry it is replaced
   */
  record TokenPolicy(String name, Duration ttl, Duration renewMargin) {}

  /** Where requests are kept. */
  sealed interface Database {
    /** The embedded store, a SQLite file under the data dir: one instance. */
    record Embedded() implements Database {}

    /** PostgreSQL: several instances may share it. */
    record Postgres(String jdbcUrl, String user, String password) implements Database {
      /** Leaves the password out. */
      @Override
      public String toString() {
        return "Postgres[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
      }
    }
  }

  enum LogFormat {
    TEXT,
    JSON
  }

  boolean sandboxMode() {
    return upstream instanceof Upstream.Sandbox;
  }

  /** Leaves every secret out. */
  @Override
  public String toString() {
    return "Config[http="
        + httpHost
        + ":"
        + httpPort
        + ", dataDir="
        + dataDir
        + ", callers="
        + apiKeys.size()
        + ", upstream="
        + upstream
        + ", database="
        + database
        + ", publicUrl="
        + publicUrl
        + ", syncInterval="
        + syncInterval
        + "]";
  }
}
