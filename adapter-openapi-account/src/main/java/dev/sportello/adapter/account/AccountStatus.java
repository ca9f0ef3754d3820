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
 * @param problem why no token can be had, or why the last one was refused, when that is so; a
 *     readiness failure
 */
public record AccountStatus(
    Option<WalletBalance> wallet,
    String tokenLabel,
    List<String> scopes,
    Option<Instant> tokenExpiresAt,
    Option<String> problem) {
  public AccountStatus {
    Objects.requireNonNull(wallet, "wallet");
    Objects.requireNonNull(tokenLabel, "tokenLabel");
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    Objects.requireNonNull(problem, "problem");
  }
}
