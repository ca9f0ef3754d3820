package dev.sportello.adapter.webhooks;

import io.vavr.collection.Seq;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: {@code v1,} and the
 * base64 HMAC-SHA256 of {@code "{id}.{timestamp}.{body}"}, keyed with the bytes the secret's base64
 * (after {@code whsec_}) encodes; several secrets give several signatures, separated by spaces, so
 * that a receiver still holding the former secret verifies a message during a rotation.
 */
final class Signature {
  static final String SECRET_PREFIX = "whsec_";
  private static final String ALGORITHM = "HmacSHA256";

  private Signature() {}

  /**
   * The header's value.
   *
   * @param secrets the active secrets, newest first, each {@code whsec_} and base64 (the prefix is
   *     optional, as the reference libraries have it)
   */
  static String header(Seq<String> secrets, String id, long timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    return secrets.map(secret -> "v1," + sign(key(secret), prefix, body)).mkString(" ");
  }

  private static byte[] key(String secret) {
    String encoded =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }

  private static String sign(byte[] key, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update(prefix);
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
      // Every JDK has HmacSHA256, and any non-empty key fits it.
      throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
    }
  }
}
