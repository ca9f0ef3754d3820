package dev.sportello.application.port.out;

import dev.sportello.domain.webhook.WebhookEndpoint;
import dev.sportello.domain.webhook.WebhookSecret;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * A caller's endpoint as kept in the store, with the secrets that sign its messages.
 *
 * @param endpoint the endpoint
 * @param secret the current signing secret
 * @param previous the secret it replaced, which keeps signing alongside it for a while after a
 *     rotation so that receivers can switch without missing a message
 */
public record StoredEndpoint(
    WebhookEndpoint endpoint, WebhookSecret secret, Option<RetiringSecret> previous) {
  /** Checks that every component is given. */
  public StoredEndpoint {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(previous, "previous");
  }

  /**
   * The secrets that sign a message sent at this time: the current one first.
   *
   * @param at when the message is sent
   * @return the current secret, then the previous one while it still signs
   */
  public List<WebhookSecret> signingSecrets(Instant at) {
    return List.of(secret)
        .appendAll(previous.filter(old -> at.isBefore(old.until())).map(RetiringSecret::secret));
  }

  /**
   * Where this endpoint's messages go, signed as at this time.
   *
   * @param at when the message is sent
   * @return the endpoint's URL with {@link #signingSecrets} at that time
   */
  public WebhookTarget target(Instant at) {
    return new WebhookTarget(endpoint.url(), signingSecrets(at));
  }

  /**
   * A secret replaced by a rotation, still signing until a deadline.
   *
   * @param secret the replaced secret
   * @param until when it stops signing
   */
  public record RetiringSecret(WebhookSecret secret, Instant until) {
    /** Checks that every component is given. */
    public RetiringSecret {
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(until, "until");
    }
  }
}
