package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;

/** Hands out new request ids; ids must be unique and hard to guess. */
public interface RequestIds {

  /**
   * The production ids: {@code req_} and 120 bits from a {@link java.security.SecureRandom},
   * URL-safe base64 without padding (24 characters), so that one id tells nothing of another.
   *
   * @return a source of ids, safe to share between threads
   */
  static RequestIds random() {
    return new RandomRequestIds();
  }

  /**
   * A new id, never handed out before.
   *
   * @return the id
   */
  RequestId next();
}
