package dev.sportello.adapter.account;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * What an operator is told about the account; never the token itself.
 *
 * @param wallet the balance last read, if one has been
 * @param tokenLabel the token's name on the OAuth service
 * @param scopes what the token permits, or what it will be minted with
 * @param tokenExpiresAt when the token in use stops working, if one is in use
 * @param problem why the engines have no working token: none can be had, or the replacement of a
 *     refused one was refused too; a readiness failure
 * @param warning why the token could not be renewed (the OAuth service or the credential store
 *     failing) while the one in use still works; no readiness failure
 */
public record AccountStatus(
    Option<WalletBalance> wallet,
    String tokenLabel,
    List<String> scopes,
    Option<Instant> tokenExpiresAt,
    Option<String> problem,
    Option<String> warning) {
  /** Checks that every component is given. */
  public AccountStatus {
    Objects.requireNonNull(wallet, "wallet");
    Objects.requireNonNull(tokenLabel, "tokenLabel");
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(warning, "warning");
  }
}
