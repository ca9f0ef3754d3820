package dev.sportello.domain.webhook;

import io.vavr.control.Option;

/** What a webhook message tells its receiver. */
public enum WebhookEventType {
  /** A request entered a status, including the first one ({@code ACCEPTED}). */
  STATUS_CHANGED("request.status_changed"),
  /** A request's document is stored and can be downloaded. */
  DOCUMENT_READY("request.document_ready");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name receivers see in the message's {@code type}.
   *
   * @return the wire name, such as {@code request.status_changed}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The type with this wire name, if any.
   *
   * @param name a wire name
   * @return the type, or empty when no type has that name
   */
  public static Option<WebhookEventType> ofWireName(String name) {
    for (WebhookEventType type : values()) {
      if (type.wireName.equals(name)) {
        return Option.some(type);
      }
    }
    return Option.none();
  }
}
