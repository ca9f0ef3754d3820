package dev.sportello.domain.webhook;

import java.util.Base64;
import java.util.Objects;

/**
 * A key that signs webhook messages, in the Standard Webhooks form: {@code whsec_} followed by the
 * base64 of 24 to 64 random bytes. Shown to its caller once, when generated; {@link #toString()}
 * never shows it.
 *
 * @param value the secret as shown to the caller
 */
public record WebhookSecret(String value) {
  /** The prefix Standard Webhooks gives signing secrets. */
  public static final String PREFIX = "whsec_";

  /** How many random bytes a new secret holds. */
  public static final int GENERATED_BYTES = 32;

  private static final int MIN_BYTES = 24;
  private static final int MAX_BYTES = 64;

  /** Checks the {@code whsec_} prefix and that the key holds 24 to 64 bytes. */
  public WebhookSecret {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
    }
    int length = decode(value).length;
    if (length < MIN_BYTES || length > MAX_BYTES) {
      throw new IllegalArgumentException("a signing secret holds 24 to 64 bytes");
    }
  }

  /**
   * The secret keyed with these bytes, drawn from a secure random source by the caller.
   *
   * @param key 24 to 64 random bytes; {@link #GENERATED_BYTES} is what the service draws
   * @return the secret
   */
  public static WebhookSecret of(byte[] key) {
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
  }

  /**
   * The bytes the HMAC is keyed with.
   *
   * @return a fresh copy of the decoded key
   */
  public byte[] key() {
    return decode(value);
  }

  private static byte[] decode(String value) {
    return Base64.getDecoder().decode(value.substring(PREFIX.length()));
  }

  /** Leaves the secret out. */
  @Override
  public String toString() {
    return "WebhookSecret[hidden]";
  }
}
