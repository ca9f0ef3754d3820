package dev.sportello.adapter.account;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One of the account's tokens as the OAuth service lists it; never the token itself.
 *
 * @param label its name
 * @param scopes what it permits
 * @param createdAt when it was minted, when upstream says
 * @param expiresAt when it stops working, when upstream says
 * @param inUse whether it is the one the engines call with
 */
public record AccountToken(
    String label,
    List<String> scopes,
    Option<Instant> createdAt,
    Option<Instant> expiresAt,
    boolean inUse) {
  /** Checks that every component is given. */
  public AccountToken {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
