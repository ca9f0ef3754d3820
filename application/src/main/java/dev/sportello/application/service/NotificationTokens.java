package dev.sportello.application.service;

import dev.sportello.domain.request.RequestId;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook tokens: a request id and a MAC over it, so that a token names one request, cannot be
 * guessed, and needs no storage. A forged or altered token names nothing.
 */
final class NotificationTokens {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MAC_BYTES = 20;

  private final SecretKeySpec key;

  NotificationTokens(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  String tokenFor(RequestId id) {
    return id.value() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(id));
  }

  Option<RequestId> resolve(String token) {
    int dot = token.lastIndexOf('.');
    if (dot <= 0) {
      return Option.none();
    }
    var id = RequestId.parse(token.substring(0, dot));
    if (id.isInvalid()) {
      return Option.none();
    }
    // Compared as text, not as decoded bytes: a base64 decoder ignores the spare bits of the last
    // character, so several spellings would decode to the same MAC.
    byte[] expected = tokenFor(id.get()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected)
        ? Option.some(id.get())
        : Option.none();
  }

  private byte[] mac(RequestId id) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] full = mac.doFinal(id.value().getBytes(StandardCharsets.UTF_8));
      return java.util.Arrays.copyOf(full, MAC_BYTES);
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      // Every JDK ships HmacSHA256, and the key is checked when the settings are made.
      throw new IllegalStateException(impossible);
    }
  }
}
