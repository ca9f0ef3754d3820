package dev.sportello.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cloud storage DocuEngine's files are downloaded from: URLs signed the way Google Cloud
 * Storage signs them ({@code X-Goog-*} query parameters, valid 24 hours), checked on download
 * against the sandbox clock. Like cloud storage, it wants no bearer token: a download that carries
 * an {@code Authorization} header is refused, so a client that leaks its API token here fails its
 * tests.
 */
final class SignedStorage {

  static final String PATH = "/_storage/documents/";
  static final Duration LIFETIME = Duration.ofHours(24);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String ALGORITHM = "GOOG4-HMAC-SHA256";

  /** A download URL and the moment it stops working ({@code urlExpire}). */
  record SignedUrl(String url, Instant expires) {}

  /** A refusal in the storage service's own words (an XML error document, not the envelope). */
  record Refusal(int status, String code, String message) {
    byte[] xml() {
      return ("<?xml version='1.0' encoding='UTF-8'?><Error><Code>"
              + code
              + "</Code><Message>"
              + message
              + "</Message></Error>")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  private final SecretKeySpec key;

  SignedStorage(RandomGenerator random) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** A URL for {@code fileName} on the storage at {@code origin}, valid from {@code now}. */
  SignedUrl sign(String origin, String fileName, Instant now) {
    Instant signedAt = now.truncatedTo(ChronoUnit.SECONDS);
    String date = STAMP.format(signedAt);
    String expires = Long.toString(LIFETIME.toSeconds());
    String url =
        origin
            + PATH
            + fileName
            + "?X-Goog-Algorithm="
            + ALGORITHM
            + "&X-Goog-Credential=docuengine-sandbox%2F"
            + date.substring(0, 8)
            + "%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date="
            + date
            + "&X-Goog-Expires="
            + expires
            + "&X-Goog-SignedHeaders=host&X-Goog-Signature="
            + signature(fileName, date, expires);
    return new SignedUrl(url, signedAt.plus(LIFETIME));
  }

  /** Why a download must be refused, if it must: a credential, a bad signature, or expiry. */
  Optional<Refusal> refusal(
      String fileName, Map<String, String> query, boolean carriesAuthorization, Instant now) {
    if (carriesAuthorization) {
      return Optional.of(
          new Refusal(
              400,
              "InvalidArgument",
              "A signed URL takes no Authorization header: send one credential, not two."));
    }
    String date = query.getOrDefault("X-Goog-Date", "");
    String expires = query.getOrDefault("X-Goog-Expires", "");
    String presented = query.getOrDefault("X-Goog-Signature", "");
    if (!ALGORITHM.equals(query.get("X-Goog-Algorithm"))
        || !MessageDigest.isEqual(
            signature(fileName, date, expires).getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(
          new Refusal(
              403,
              "SignatureDoesNotMatch",
              "The request signature we calculated does not match the signature you provided."));
    }
    Instant expiry;
    try {
      expiry = Instant.from(STAMP.parse(date)).plusSeconds(Long.parseLong(expires));
    } catch (DateTimeException | NumberFormatException unreadable) {
      return Optional.of(new Refusal(400, "InvalidArgument", "Unreadable X-Goog-Date."));
    }
    if (now.isAfter(expiry)) {
      return Optional.of(new Refusal(400, "ExpiredToken", "The provided token has expired."));
    }
    return Optional.empty();
  }

  static Refusal noSuchKey() {
    return new Refusal(404, "NoSuchKey", "The specified key does not exist.");
  }

  private String signature(String fileName, String date, String expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] signed =
          mac.doFinal((fileName + "\n" + date + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(signed);
    } catch (NoSuchAlgorithmException | InvalidKeyException missing) {
      throw new IllegalStateException("every JDK has HmacSHA256", missing);
    }
  }
}
