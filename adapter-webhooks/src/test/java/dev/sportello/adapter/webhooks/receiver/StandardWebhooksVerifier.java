package dev.sportello.adapter.webhooks.receiver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a message, written from the Standard Webhooks specification alone (not from
 * the sender's code): the signed content is {@code msg_id.timestamp.body}; the key is the base64
 * after {@code whsec_}; the header holds space-separated {@code v1,<base64>} signatures, any one of
 * which may match, compared in constant time; the timestamp must be within five minutes of now.
 */
public final class StandardWebhooksVerifier {
  /** The tolerance the specification's reference libraries use. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private StandardWebhooksVerifier() {}

  /**
   * Why the message does not verify with the secret, or empty when it does.
   *
   * @param secret {@code whsec_…}
   */
  public static Optional<String> problem(
      String secret, String id, String timestamp, String signatures, byte[] body, Instant now) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException notANumber) {
      return Optional.of("the timestamp is not a number of seconds");
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
      return Optional.of("the timestamp is out of tolerance");
    }
    byte[] expected = hmac(secret, id + "." + timestamp + ".", body);
    for (String versioned : signatures.split(" ", -1)) {
      int comma = versioned.indexOf(',');
      if (comma < 0 || !versioned.substring(0, comma).equals("v1")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(versioned.substring(comma + 1));
      } catch (IllegalArgumentException notBase64) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return Optional.empty();
      }
    }
    return Optional.of("no v1 signature matches");
  }

  /** The base64 of the signature, for the specification's test vector. */
  public static String sign(String secret, String id, String timestamp, byte[] body) {
    return Base64.getEncoder().encodeToString(hmac(secret, id + "." + timestamp + ".", body));
  }

  private static byte[] hmac(String secret, String prefix, byte[] body) {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
      byte[] content = new byte[prefixBytes.length + body.length];
      System.arraycopy(prefixBytes, 0, content, 0, prefixBytes.length);
      System.arraycopy(body, 0, content, prefixBytes.length, body.length);
      return mac.doFinal(content);
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException(unavailable);
    }
  }
}
