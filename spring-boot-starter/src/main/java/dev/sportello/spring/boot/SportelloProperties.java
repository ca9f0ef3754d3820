package dev.sportello.spring.boot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sportello's settings in a Spring application, under {@code sportello.*}.
 *
 * @param visengine Openapi's Visengine engine; enabled when its token is set
 * @param docuengine Openapi's DocuEngine engine; enabled when its token is set
 * @param notificationSecret the key that makes the addresses of upstream notifications unguessable:
 *     each request is registered with an engine under a token derived from it, and a notification
 *     whose token does not match is ignored. At least 32 characters, kept secret, and the same on
 *     every instance and across restarts (a changed secret orphans the tokens of requests still
 *     open, which the sync cycle then follows alone)
 * @param publicUrl where the engines reach this application, such as https://shop.example; the
 *     notification endpoint's path is appended. Without it the engines send no notifications, and
 *     the sync cycle alone follows the requests
 * @param catalogTtl how long a fetched catalogue or certificate description is used without asking
 *     again
 * @param sync the sync cycle, which sends accepted requests, follows their status and fetches their
 *     documents
 * @param notifications the endpoint that receives the engines' notifications
 * @param persistence the store, kept in the application's own PostgreSQL DataSource
 */
@ConfigurationProperties("sportello")
public record SportelloProperties(
    @DefaultValue Engine visengine,
    @DefaultValue Engine docuengine,
    @Nullable String notificationSecret,
    @Nullable URI publicUrl,
    @DefaultValue("24h") Duration catalogTtl,
    @DefaultValue Sync sync,
    @DefaultValue Notifications notifications,
    @DefaultValue Persistence persistence) {

  /**
   * One of Openapi's engines.
   *
   * @param url the engine's host: "test" (Openapi's test host: free requests, illustrative
   *     answers), "production", or the URL of another host such as the Visengine sandbox
   * @param token the bearer token the engine is called with; the engine is enabled when it is set
   */
  public record Engine(@DefaultValue("test") String url, @Nullable String token) {
    /** Leaves the token out. */
    @Override
    public String toString() {
      return "Engine[url=" + url + ", token=" + (token == null ? "(none)" : "(hidden)") + "]";
    }
  }

  /**
   * The sync cycle.
   *
   * @param enabled whether this application runs it; off, another instance (or the application
   *     itself, through SynchroniseUseCase) must
   * @param interval how long between the end of one cycle and the start of the next
   */
  public record Sync(
      @DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval) {}

  /**
   * The endpoint that receives the engines' notifications, in a servlet web application.
   *
   * @param path where it is mounted: Visengine posts to this path followed by /visengine/ and the
   *     request's token, DocuEngine to this path followed by /docuengine, with the token in a
   *     header
   */
  public record Notifications(@DefaultValue("/webhooks/sportello") String path) {}

  /**
   * The store.
   *
   * @param documentsDirectory where issued documents are kept, one encrypted file per request;
   *     instances sharing the database must share it too
   * @param retention how long after a request ends its personal data is kept
   * @param dataKey the keys that seal personal data at rest, as a key file holds them; empty keeps
   *     them in the file data.key beside the documents directory, generated when missing
   */
  public record Persistence(
      @Nullable Path documentsDirectory,
      @DefaultValue("365d") Duration retention,
      @Nullable String dataKey) {

    /** Leaves the data key out. */
    @Override
    public String toString() {
      return "Persistence[documentsDirectory="
          + documentsDirectory
          + ", retention="
          + retention
          + ", dataKey="
          + (dataKey == null ? "(file)" : "(hidden)")
          + "]";
    }
  }

  /** Leaves the secret and the tokens out. */
  @Override
  public String toString() {
    return "SportelloProperties[visengine="
        + visengine.url()
        + ", docuengine="
        + docuengine.url()
        + ", publicUrl="
        + publicUrl
        + ", catalogTtl="
        + catalogTtl
        + ", sync="
        + sync
        + ", notifications="
        + notifications
        + ", persistence="
        + persistence
        + "]";
  }
}
