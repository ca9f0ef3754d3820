package dev.sportello.domain.webhook;

import java.util.Objects;

/** What became of one attempt to send a webhook message. */
public sealed interface SendResult {

  /**
   * Whether the receiver took the message.
   *
   * @return true for {@link Delivered}
   */
  default boolean delivered() {
    return this instanceof Delivered;
  }

  /**
   * The receiver answered with a 2xx status: the message is delivered.
   *
   * @param status the HTTP status, 200 to 299
   */
  record Delivered(int status) implements SendResult {
    /** Checks that the status is a 2xx one. */
    public Delivered {
      if (status < 200 || status > 299) {
        throw new IllegalArgumentException("delivered means a 2xx status");
      }
    }
  }

  /**
   * The receiver answered with another status (redirects are not followed).
   *
   * @param status the HTTP status, 100 to 599 and not 2xx
   */
  record Rejected(int status) implements SendResult {
    /** Checks that the status is an HTTP status outside 2xx. */
    public Rejected {
      if (status < 100 || status > 599 || (status >= 200 && status <= 299)) {
        throw new IllegalArgumentException("rejected means a status outside 2xx");
      }
    }

    /**
     * Whether the receiver said the endpoint is gone for good (410).
     *
     * @return true for status 410
     */
    public boolean gone() {
      return status == 410;
    }
  }

  /**
   * No answer came.
   *
   * @param kind why
   */
  record Failed(FailureKind kind) implements SendResult {
    /** Checks that the kind is given. */
    public Failed {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** Why no answer came. */
  enum FailureKind {
    /** The receiver did not answer in time. */
    TIMEOUT,
    /** The connection was refused or reset. */
    CONNECTION_REFUSED,
    /** The host name did not resolve. */
    UNKNOWN_HOST,
    /** The TLS handshake failed (such as an untrusted certificate). */
    TLS,
    /**
     * The sender refused the address before connecting: the host resolved to a loopback, private,
     * link-local or reserved address, or the URL is one the sender does not post to.
     */
    REFUSED_ADDRESS,
    /** Any other input/output failure. */
    IO
  }
}
