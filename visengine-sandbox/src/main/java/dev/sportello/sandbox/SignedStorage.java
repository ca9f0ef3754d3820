package dev.sportello.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cloud storage DocuEngine's files are downloaded from, on its own origin: URLs signed the way
 * Google Cloud Storage signs them (V4: {@code X-Goog-*} query parameters, valid 24 hours, the
 * signature covering the path, the whole canonical query string and the {@code host} header),
 * checked on download against the sandbox clock. The credential names a service account, so its
 * {@code @} and {@code /} travel percent-encoded and a client that re-encodes the URL breaks it.
 * Like cloud storage, it wants no bearer token: a download that carries an {@code Authorization}
 * header is refused, so a client that leaks its API token here fails its tests.
 */
final class SignedStorage {

  static final String PATH = "/_storage/documents/";
  static final Duration LIFETIME = Duration.ofHours(24);
  static final String XML = "application/xml; charset=UTF-8";

  /** The service account the sandbox signs as; its {@code @} is percent-encoded in the URL. */
  static final String SIGNER = "docuengine-sandbox@sportello-sandbox.iam.gserviceaccount.com";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String ALGORITHM = "GOOG4-HMAC-SHA256";
  private static final String SCOPE_TAIL = "/auto/storage/goog4_request";
  private static final String SIGNED_HEADERS = "host";
  private static final String SIGNATURE = "X-Goog-Signature";

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

    Reply.Raw reply() {
      return Reply.Raw.of(status, XML, xml());
    }
  }

  private final SecretKeySpec key;

  SignedStorage(RandomGenerator random) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /**
   * A URL for {@code fileName} on the storage reached at {@code host} ({@code name:port}) over
   * {@code scheme}, valid from {@code now}.
   */
  SignedUrl sign(String scheme, String host, String fileName, Instant now) {
    Instant signedAt = now.truncatedTo(ChronoUnit.SECONDS);
    String date = STAMP.format(signedAt);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("X-Goog-Algorithm", ALGORITHM);
    parameters.put("X-Goog-Credential", credential(date));
    parameters.put("X-Goog-Date", date);
    parameters.put("X-Goog-Expires", Long.toString(LIFETIME.toSeconds()));
    parameters.put("X-Goog-SignedHeaders", SIGNED_HEADERS);
    List<String> pairs = new ArrayList<>();
    parameters.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
    String query = String.join("&", pairs);
    String signature = signature(PATH + fileName, canonicalQuery(query), host, date);
    return new SignedUrl(
        scheme + "://" + host + PATH + fileName + "?" + query + "&" + SIGNATURE + "=" + signature,
        signedAt.plus(LIFETIME));
  }

  /**
   * Why a download must be refused, if it must: a credential, a malformed or unsigned query, a
   * signature that does not cover this path, query and host, or expiry.
   *
   * @param rawQuery the query string exactly as received (still percent-encoded)
   * @param host the {@code Host} header received
   */
  Optional<Refusal> refusal(
      String fileName, String rawQuery, String host, boolean carriesAuthorization, Instant now) {
    if (carriesAuthorization) {
      return Optional.of(
          new Refusal(
              400,
              "InvalidArgument",
              "A signed URL takes no Authorization header: send one credential, not two."));
    }
    Map<String, String> query = decoded(rawQuery);
    String date = query.getOrDefault("X-Goog-Date", "");
    if (!ALGORITHM.equals(query.get("X-Goog-Algorithm"))) {
      return invalid("X-Goog-Algorithm must be " + ALGORITHM + ".");
    }
    if (!credential(date).equals(query.get("X-Goog-Credential"))) {
      return invalid("X-Goog-Credential must name the signer and the date of X-Goog-Date.");
    }
    if (!SIGNED_HEADERS.equals(query.get("X-Goog-SignedHeaders"))) {
      return invalid("X-Goog-SignedHeaders must be " + SIGNED_HEADERS + ".");
    }
    Instant expiry;
    try {
      expiry =
          Instant.from(STAMP.parse(date))
              .plusSeconds(Long.parseLong(query.getOrDefault("X-Goog-Expires", "")));
    } catch (DateTimeException | NumberFormatException unreadable) {
      return invalid("Unreadable X-Goog-Date or X-Goog-Expires.");
    }
    String expected = signature(PATH + fileName, canonicalQuery(rawQuery), host, date);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        query.getOrDefault(SIGNATURE, "").getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(
          new Refusal(
              403,
              "SignatureDoesNotMatch",
              "The request signature we calculated does not match the signature you provided."));
    }
    if (now.isAfter(expiry)) {
      return Optional.of(new Refusal(400, "ExpiredToken", "The provided token has expired."));
    }
    return Optional.empty();
  }

  static Refusal noSuchKey() {
    return new Refusal(404, "NoSuchKey", "The specified key does not exist.");
  }

  /** What the storage answers when a fault makes it fail with {@code status}. */
  static Refusal injectedFailure(int status) {
    return status >= 500
        ? new Refusal(status, "InternalError", "We encountered an internal error. Please retry.")
        : new Refusal(status, "InvalidArgument", "Invalid argument.");
  }

  private static Optional<Refusal> invalid(String message) {
    return Optional.of(new Refusal(400, "InvalidArgument", message));
  }

  private static String credential(String date) {
    return SIGNER + "/" + (date.length() < 8 ? date : date.substring(0, 8)) + SCOPE_TAIL;
  }

  /**
   * Every parameter but the signature, each name and value percent-encoded the one canonical way,
   * sorted: a parameter added, removed or changed changes the signature.
   */
  private static String canonicalQuery(String rawQuery) {
    List<String> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!name.equals(SIGNATURE)) {
        pairs.add(encode(name) + "=" + encode(value));
      }
    }
    pairs.sort(null);
    return String.join("&", pairs);
  }

  private static Map<String, String> decoded(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      int equals = pair.indexOf('=');
      query.putIfAbsent(
          decode(equals < 0 ? pair : pair.substring(0, equals)),
          equals < 0 ? "" : decode(pair.substring(equals + 1)));
    }
    return query;
  }

  /** RFC 3986 percent-encoding: unreserved characters stay, every other byte is {@code %XX}. */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      // A broken escape cannot match any signed value: keep it as sent, so the check refuses it.
      return text;
    }
  }

  /** GCS V4: HMAC over the algorithm, date, scope and the hash of the canonical request. */
  private String signature(String path, String canonicalQuery, String host, String date) {
    String canonicalRequest =
        String.join(
            "\n",
            "GET",
            path,
            canonicalQuery,
            "host:" + host,
            "",
            SIGNED_HEADERS,
            "UNSIGNED-PAYLOAD");
    try {
      String stringToSign =
          String.join(
              "\n",
              ALGORITHM,
              date,
              credential(date).substring(SIGNER.length() + 1),
              HexFormat.of()
                  .formatHex(
                      MessageDigest.getInstance("SHA-256")
                          .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException missing) {
      throw new IllegalStateException("every JDK has SHA-256 and HmacSHA256", missing);
    }
  }
}
