package dev.sportello.application.port.in;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a key's UTF-8 bytes, for {@link CallerKeys}. */
enum Sha256 {
  ;

  /** Copied for each hash: looking the algorithm up costs more than hashing a key. */
  private static final MessageDigest PROTOTYPE = prototype();

  static byte[] of(String text) {
    try {
      return ((MessageDigest) PROTOTYPE.clone()).digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (CloneNotSupportedException impossible) {
      // The JDK's SHA-256 can be copied.
      throw new IllegalStateException(impossible);
    }
  }

  private static MessageDigest prototype() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      // Every JDK ships SHA-256.
      throw new IllegalStateException(impossible);
    }
  }
}
