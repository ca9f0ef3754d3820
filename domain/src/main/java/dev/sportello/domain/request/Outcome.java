package dev.sportello.domain.request;

import java.util.Objects;

/**
 * Upstream's verdict on a request ({@code esito}).
 *
 * @param code the upstream code, {@code "0"} when all went well
 * @param message the upstream message
 */
public record Outcome(String code, String message) {
  /** Checks that every component is given. */
  public Outcome {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Whether upstream reported success.
   *
   * @return true for success
   */
  public boolean isSuccess() {
    return code.strip().equals("0");
  }
}
