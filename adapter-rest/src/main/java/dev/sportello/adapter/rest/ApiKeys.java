package dev.sportello.adapter.rest;

import io.javalin.http.Context;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bearer API keys. Only their SHA-256 hashes are known; a presented key is hashed and compared with
 * every configured hash in constant time, so neither the key nor the time taken says which hash
 * came closest.
 */
final class ApiKeys {
  /** Longer keys are refused before hashing; no real key is this long. */
  private static final int MAX_KEY_LENGTH = 512;

  private static final MessageDigest SHA_256 = sha256Digest();

  private final List<Entry> entries;

  private static final class Entry {
    private final byte[] hash;
    private final String caller;

    Entry(byte[] hash, String caller) {
      this.hash = hash.clone();
      this.caller = caller;
    }
  }

  ApiKeys(Map<String, String> hashesToCallers) {
    this.entries =
        hashesToCallers
            .toList()
            .map(entry -> new Entry(HexFormat.of().parseHex(entry._1), entry._2));
  }

  /** The caller the request's bearer key identifies, or the 401 problem. */
  String authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw unauthorized("send Authorization: Bearer <api key>");
    }
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
      throw unauthorized("the Authorization scheme must be Bearer");
    }
    String key = header.substring(space + 1).strip();
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw unauthorized("the API key is not valid");
    }
    return callerOf(key).getOrElseThrow(() -> unauthorized("the API key is not valid"));
  }

  Option<String> callerOf(String plainKey) {
    byte[] presented = sha256(plainKey);
    Option<String> found = Option.none();
    for (Entry entry : entries) {
      // No early exit: every hash is compared, whatever matches.
      if (MessageDigest.isEqual(presented, entry.hash) && found.isEmpty()) {
        found = Option.some(entry.caller);
      }
    }
    return found;
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      // Every JDK ships SHA-256.
      throw new IllegalStateException(impossible);
    }
  }

  private static Problem.ApiProblem unauthorized(String detail) {
    return Problem.of(401, "unauthorized", "Authentication required", detail)
        .withHeader("WWW-Authenticate", "Bearer realm=\"sportello\"")
        .raise();
  }

  /**
   * SHA-256 of a key's UTF-8 bytes: what a presented key is compared by and, in hexadecimal, what
   * {@link RestSettings#hashApiKey} configures, so that the two always agree.
   */
  static byte[] sha256(String text) {
    try {
      // A copy of a digest made once: looking the algorithm up costs more than hashing a key.
      return ((MessageDigest) SHA_256.clone()).digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (CloneNotSupportedException impossible) {
      // The JDK's SHA-256 can be copied.
      throw new IllegalStateException(impossible);
    }
  }
}
