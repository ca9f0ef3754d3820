package dev.sportello.adapter.account;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A token as the OAuth service issued or lists it.
 *
 * @param secret the token itself; never shown
 */
record IssuedToken(
    String secret,
    String label,
    List<String> scopes,
    Option<Instant> createdAt,
    Option<Instant> expiresAt) {

  /** Leaves the secret out. */
  @Override
  public String toString() {
    return "IssuedToken[label=" + label + ", scopes=" + scopes + ", expiresAt=" + expiresAt + "]";
  }
}
