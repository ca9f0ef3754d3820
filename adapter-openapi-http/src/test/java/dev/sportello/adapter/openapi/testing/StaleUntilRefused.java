package dev.sportello.adapter.openapi.testing;

import dev.sportello.adapter.openapi.BearerToken;
import io.vavr.control.Either;

/**
 * A token source that gives a token upstream does not know until it is refused, then the valid one,
 * as a source that replaces a revoked or expired token does.
 */
public final class StaleUntilRefused implements BearerToken {
  /** The token upstream does not know. */
  public static final String STALE = "000000000000000000000000";

  private final String valid;
  private int refusals;

  public StaleUntilRefused(String valid) {
    this.valid = valid;
  }

  @Override
  public synchronized Either<String, String> current() {
    return Either.right(refusals == 0 ? STALE : valid);
  }

  @Override
  public synchronized boolean refused(String token) {
    refusals++;
    return token.equals(STALE);
  }

  /** How many times upstream refused a token. */
  public synchronized int refusals() {
    return refusals;
  }
}
