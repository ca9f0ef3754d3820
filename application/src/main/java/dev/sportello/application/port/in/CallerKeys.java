package dev.sportello.application.port.in;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The API keys that identify callers, known only by their SHA-256 hashes: how every inbound adapter
 * that takes a key tells who presents it, so that a key names the same caller everywhere.
 */
@FunctionalInterface
public interface CallerKeys {

  /** Longer keys identify no one and are refused before hashing: no real key is this long. */
  int MAX_KEY_LENGTH = 512;

  /**
   * The caller a presented key identifies; none for a key longer than {@link #MAX_KEY_LENGTH}.
   * Every configured hash is compared in constant time, so neither the answer's time nor its
   * absence says which hash came closest.
   *
   * @param plainKey the key as presented
   * @return the caller, or none when no configured key matches
   */
  Option<String> callerOf(String plainKey);

  /**
   * Over the configured keys.
   *
   * @param hashesToCallers the SHA-256 of each key in lower-case hexadecimal (see {@link
   *     #hash(String)}), mapped to the caller it identifies
   * @return the keys
   */
  static CallerKeys of(Map<String, String> hashesToCallers) {
    List<Tuple2<byte[], String>> entries =
        hashesToCallers
            .toList()
            .map(entry -> Tuple.of(HexFormat.of().parseHex(entry._1), entry._2));
    return plainKey -> {
      if (plainKey.length() > MAX_KEY_LENGTH) {
        return Option.none();
      }
      byte[] presented = Sha256.of(plainKey);
      Option<String> found = Option.none();
      for (Tuple2<byte[], String> entry : entries) {
        // No early exit: every hash is compared, whatever matches.
        if (MessageDigest.isEqual(presented, entry._1) && found.isEmpty()) {
          found = Option.some(entry._2);
        }
      }
      return found;
    };
  }

  /**
   * The hash under which a key is configured: SHA-256 of its UTF-8 bytes, in lower-case
   * hexadecimal.
   *
   * @param plainKey the key in clear
   * @return its hash, 64 lower-case hexadecimal digits
   */
  static String hash(String plainKey) {
    return HexFormat.of().formatHex(Sha256.of(plainKey));
  }
}
