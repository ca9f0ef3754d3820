package dev.sportello.adapter.rest;

import io.vavr.collection.Map;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The REST adapter's configuration.
 *
 * @param host the interface to listen on, such as {@code localhost} or {@code 0.0.0.0}
 * @param port the port to listen on; 0 picks a free one (see {@link RestAdapter#port()})
 * @param maxBodyBytes the largest request body accepted; larger ones get 413. Files travel inline,
 *     so the default is 25 MB
 * @param apiKeys who may call {@code /api/v1}: the SHA-256 of each API key, in lower-case
 *     hexadecimal (see {@link #hashApiKey(String)}), mapped to the caller it identifies. Keys are
 *     never configured or kept in clear
 * @param webhookWait how long the webhook receiver waits for a notification to be handled before it
 *     answers 202 anyway (the handling then goes on in the background); a token that names nothing
 *     is refused within this time
 */
public record RestSettings(
    String host, int port, long maxBodyBytes, Map<String, String> apiKeys, Duration webhookWait) {

  /** 25 MB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 25L * 1024 * 1024;

  /** Two seconds. */
  public static final Duration DEFAULT_WEBHOOK_WAIT = Duration.ofSeconds(2);

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public RestSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(webhookWait, "webhookWait");
    if (host.isBlank()) {
      throw new IllegalArgumentException("a host is required");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("the port is 0 to 65535");
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("the body limit is at least 1024 bytes");
    }
    if (webhookWait.isNegative()) {
      throw new IllegalArgumentException("the webhook wait is never negative");
    }
    for (var entry : apiKeys) {
      if (!SHA256_HEX.matcher(entry._1).matches()) {
        throw new IllegalArgumentException(
            "API keys are configured as SHA-256 hashes in lower-case hexadecimal");
      }
      if (entry._2.isBlank()) {
        throw new IllegalArgumentException("every API key needs a caller");
      }
    }
  }

  /** {@code localhost:8080}, 25 MB bodies, a two-second webhook wait, and the given keys. */
  public static RestSettings defaults(Map<String, String> apiKeys) {
    return new RestSettings(
        "localhost", 8080, DEFAULT_MAX_BODY_BYTES, apiKeys, DEFAULT_WEBHOOK_WAIT);
  }

  /** The same settings on another port. */
  public RestSettings withPort(int otherPort) {
    return new RestSettings(host, otherPort, maxBodyBytes, apiKeys, webhookWait);
  }

  /**
   * The hash under which an API key is configured: SHA-256 of its UTF-8 bytes, in lower-case
   * hexadecimal.
   */
  public static String hashApiKey(String plainKey) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(plainKey.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      // Every JDK ships SHA-256.
      throw new IllegalStateException(impossible);
    }
  }

  /** Leaves out the key hashes. */
  @Override
  public String toString() {
    return "RestSettings[host="
        + host
        + ", port="
        + port
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", callers="
        + apiKeys.size()
        + ", webhookWait="
        + webhookWait
        + "]";
  }
}
