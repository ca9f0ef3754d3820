package dev.sportello.adapter.account;

import dev.sportello.adapter.openapi.ApiSettings;
import dev.sportello.adapter.openapi.RetryPolicy;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach the Openapi account behind the engines, and how its token and wallet are kept.
 *
 * @param baseUrl the OAuth service's root, {@link #PRODUCTION}, {@link #TEST} or a local sandbox
 * @param email the account's e-mail address, as the console shows it; never shown
 * @param apiKey the account's API key, as the console gives it; never shown
 * @param scopes exactly the scopes the token is minted with, {@code METHOD:host/first-segment};
 *     never a wildcard
 * @param tokenName the token's name on the OAuth service, so that a person recognises it in the
 *     console
 * @param tokenTtl how long a minted token lives, at most a year
 * @param renewalMargin how long before its expiry a token is replaced; shorter than its life
 * @param walletInterval how often, at most, the wallet's balance is read when asked for
 * @param walletWarning the balance in euros under which a warning is logged, once each time the
 *     balance drops below it
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer once the request is sent
 * @param retry how reads (the wallet, the list of tokens) are repeated; minting and deleting a
 *     token never are
 * @param userAgent what the calls say they come from
 */
public record AccountSettings(
    URI baseUrl,
    String email,
    String apiKey,
    List<String> scopes,
    String tokenName,
    Duration tokenTtl,
    Duration renewalMargin,
    Duration walletInterval,
    Option<BigDecimal> walletWarning,
    Duration connectTimeout,
    Duration readTimeout,
    RetryPolicy retry,
    String userAgent)
    implements ApiSettings {

  /** Openapi's OAuth service. */
  public static final URI PRODUCTION = URI.create("https://oauth.openapi.com");

  /**
   * Openapi's OAuth service for the test environment, whose tokens call the {@code test.} hosts.
   */
  public static final URI TEST = URI.create("https://test.oauth.openapi.com");

  /** The token's name on the OAuth service, unless the settings say otherwise. */
  public static final String DEFAULT_TOKEN_NAME = "Sportello";

  /** A month: long enough that renewals are rare, short enough that a leaked token dies soon. */
  public static final Duration DEFAULT_TOKEN_TTL = Duration.ofDays(30);

  /**
   * A day. The PHP SDK renews when fewer than 6 000 s remain, which suits a session; a service
   * renews on use or from its scheduler, and a day leaves time to notice and mend a failed renewal
   * (the OAuth service down, a key revoked over a weekend) before the token stops working, for a
   * thirtieth of its life.
   */
  public static final Duration DEFAULT_RENEWAL_MARGIN = Duration.ofDays(1);

  /** Five minutes. */
  public static final Duration DEFAULT_WALLET_INTERVAL = Duration.ofMinutes(5);

  /** The longest life the OAuth service grants a token. */
  public static final Duration MAX_TOKEN_TTL = Duration.ofDays(365);

  /** What the calls say they come from, unless the settings say otherwise. */
  public static final String DEFAULT_USER_AGENT = "sportello-account/0.1";

  /** {@code METHOD:host/first-segment}: no wildcard, no parameter, nothing after the segment. */
  private static final Pattern SCOPE = Pattern.compile("[A-Z]+:[a-z0-9.-]+/[A-Za-z0-9._~-]+");

  /**
   * Checks every component: printable e-mail address, API key and token name, at least one scope,
   * none a wildcard, a token life of at most a year with a shorter renewal margin, and the values
   * every Openapi API is reached with.
   */
  public AccountSettings {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(tokenName, "tokenName");
    Objects.requireNonNull(tokenTtl, "tokenTtl");
    Objects.requireNonNull(renewalMargin, "renewalMargin");
    Objects.requireNonNull(walletInterval, "walletInterval");
    Objects.requireNonNull(walletWarning, "walletWarning");
    ApiSettings.requireValid(baseUrl, connectTimeout, readTimeout, retry, userAgent);
    if (email.isBlank() || email.contains(":") || !printable(email)) {
      throw new IllegalArgumentException("the e-mail address must be printable, without a colon");
    }
    if (apiKey.isBlank() || !printable(apiKey)) {
      throw new IllegalArgumentException("the API key must be printable");
    }
    if (scopes.isEmpty() || scopes.exists(scope -> !SCOPE.matcher(scope).matches())) {
      throw new IllegalArgumentException(
          "scopes must be METHOD:host/first-segment, at least one, never a wildcard");
    }
    scopes = scopes.distinct();
    if (tokenName.isBlank() || !printable(tokenName)) {
      throw new IllegalArgumentException("the token name must be printable");
    }
    if (!positive(tokenTtl) || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException("a token lives more than nothing and at most a year");
    }
    // A margin as long as the token's life would replace it on every call.
    if (!positive(renewalMargin) || renewalMargin.compareTo(tokenTtl) >= 0) {
      throw new IllegalArgumentException("the renewal margin must be shorter than a token's life");
    }
    if (!positive(walletInterval)) {
      throw new IllegalArgumentException("the wallet interval must be positive");
    }
    if (walletWarning.exists(euros -> euros.signum() < 0)) {
      throw new IllegalArgumentException("the wallet warning must not be negative");
    }
  }

  /**
   * Settings with the default token name, life and renewal margin, wallet interval, timeouts, retry
   * policy and user agent, and no wallet warning.
   *
   * @param baseUrl the OAuth service's root
   * @param email the account's e-mail address
   * @param apiKey the account's API key
   * @param scopes exactly the scopes the token is minted with
   * @return the settings
   */
  public static AccountSettings of(URI baseUrl, String email, String apiKey, List<String> scopes) {
    return new AccountSettings(
        baseUrl,
        email,
        apiKey,
        scopes,
        DEFAULT_TOKEN_NAME,
        DEFAULT_TOKEN_TTL,
        DEFAULT_RENEWAL_MARGIN,
        DEFAULT_WALLET_INTERVAL,
        Option.none(),
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        RetryPolicy.DEFAULT,
        DEFAULT_USER_AGENT);
  }

  /**
   * These settings with another token name.
   *
   * @param name the token's name on the OAuth service
   * @return the changed settings
   */
  public AccountSettings withTokenName(String name) {
    return new AccountSettings(
        baseUrl,
        email,
        apiKey,
        scopes,
        name,
        tokenTtl,
        renewalMargin,
        walletInterval,
        walletWarning,
        connectTimeout,
        readTimeout,
        retry,
        userAgent);
  }

  /**
   * A token's life and how long before its end it is replaced.
   *
   * @param ttl how long a minted token lives, at most a year
   * @param margin how long before its expiry a token is replaced
   * @return the changed settings
   */
  public AccountSettings withTokenLife(Duration ttl, Duration margin) {
    return new AccountSettings(
        baseUrl,
        email,
        apiKey,
        scopes,
        tokenName,
        ttl,
        margin,
        walletInterval,
        walletWarning,
        connectTimeout,
        readTimeout,
        retry,
        userAgent);
  }

  /**
   * These settings with another wallet interval.
   *
   * @param interval how often, at most, the balance is read
   * @return the changed settings
   */
  public AccountSettings withWalletInterval(Duration interval) {
    return new AccountSettings(
        baseUrl,
        email,
        apiKey,
        scopes,
        tokenName,
        tokenTtl,
        renewalMargin,
        interval,
        walletWarning,
        connectTimeout,
        readTimeout,
        retry,
        userAgent);
  }

  /**
   * These settings with a wallet warning.
   *
   * @param euros the balance under which a warning is logged
   * @return the changed settings
   */
  public AccountSettings withWalletWarning(BigDecimal euros) {
    return new AccountSettings(
        baseUrl,
        email,
        apiKey,
        scopes,
        tokenName,
        tokenTtl,
        renewalMargin,
        walletInterval,
        Option.some(euros),
        connectTimeout,
        readTimeout,
        retry,
        userAgent);
  }

  /**
   * These settings with other timeouts.
   *
   * @param connect how long to wait for a connection
   * @param read how long to wait for an answer once the request is sent
   * @return the changed settings
   */
  public AccountSettings withTimeouts(Duration connect, Duration read) {
    return new AccountSettings(
        baseUrl,
        email,
        apiKey,
        scopes,
        tokenName,
        tokenTtl,
        renewalMargin,
        walletInterval,
        walletWarning,
        connect,
        read,
        retry,
        userAgent);
  }

  /**
   * These settings with another retry policy.
   *
   * @param policy how reads are repeated
   * @return the changed settings
   */
  public AccountSettings withRetry(RetryPolicy policy) {
    return new AccountSettings(
        baseUrl,
        email,
        apiKey,
        scopes,
        tokenName,
        tokenTtl,
        renewalMargin,
        walletInterval,
        walletWarning,
        connectTimeout,
        readTimeout,
        policy,
        userAgent);
  }

  /** Never shows the e-mail address nor the API key. */
  @Override
  public String toString() {
    String reach = ApiSettings.describe("AccountSettings", this);
    return reach.substring(0, reach.length() - 1)
        + ", scopes="
        + scopes.mkString("[", ", ", "]")
        + ", tokenName="
        + tokenName
        + ", tokenTtl="
        + tokenTtl
        + ", renewalMargin="
        + renewalMargin
        + ", walletInterval="
        + walletInterval
        + ", walletWarning="
        + walletWarning.map(BigDecimal::toPlainString).getOrElse("none")
        + "]";
  }

  private static boolean printable(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  private static boolean positive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}
