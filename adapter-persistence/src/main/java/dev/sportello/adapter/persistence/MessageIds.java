package dev.sportello.adapter.persistence;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Mints the ids of the webhook messages the outbox queues. */
final class MessageIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private MessageIds() {}

  /**
   * A new message id: {@code msg_}, the current time in milliseconds (so that ids sort roughly by
   * creation) and 64 random bits.
   */
  static String next() {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return "msg_"
        + String.format("%012x", System.currentTimeMillis())
        + HexFormat.of().formatHex(random);
  }
}
