package dev.sportello.domain.webhook;

import dev.sportello.domain.request.RequestId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One webhook message: its id (the delivery's id too), when its event happened, and the event. The
 * sender turns it into the wire's JSON and signs it; the id and the event never change, so that a
 * receiver can deduplicate retries and replays.
 *
 * @param id {@code msg_} followed by 1 to 60 letters or digits
 * @param timestamp when the event happened
 * @param event what happened
 */
public record WebhookMessage(String id, Instant timestamp, WebhookEvent event) {
  private static final Pattern ID = Pattern.compile("msg_[A-Za-z0-9]{1,60}");

  /** Checks that every component is given and that the id has the shape of a message id. */
  public WebhookMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(event, "event");
    if (!isMessageId(id)) {
      throw new IllegalArgumentException("a message id is msg_ and 1 to 60 letters or digits");
    }
  }

  /**
   * Whether the text has the shape of a message id.
   *
   * @param text the text to check
   * @return true for {@code msg_} followed by 1 to 60 letters or digits
   */
  public static boolean isMessageId(String text) {
    return ID.matcher(text).matches();
  }

  /**
   * The event's type.
   *
   * @return the type of the event
   */
  public WebhookEventType type() {
    return event.type();
  }

  /**
   * The request the event happened to.
   *
   * @return the request's id
   */
  public RequestId requestId() {
    return event.requestId();
  }
}
