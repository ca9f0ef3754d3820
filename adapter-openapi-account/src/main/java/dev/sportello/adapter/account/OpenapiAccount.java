package dev.sportello.adapter.account;

import dev.sportello.adapter.openapi.BearerToken;
import dev.sportello.adapter.openapi.OpenapiClients;
import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.StoredCredential;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Openapi account behind the engines. Build one with {@link #create}; it is safe to share
 * between threads, and {@link #close} stops its background reads of the wallet.
 *
 * <p>Give {@link #token()} to the engine adapters' settings: they call with the token it keeps and
 * tell it when upstream refuses one. Call {@link #renewIfDue()} from a scheduler so that renewals
 * seldom fall on a caller, and {@link #charged()} after each charging call.
 */
public final class OpenapiAccount implements AutoCloseable {
  private final AccountSettings settings;
  private final ManagedToken token;
  private final Wallet wallet;
  private final OAuthService oauth;
  private final ScheduledExecutorService reader;

  private OpenapiAccount(
      AccountSettings settings,
      ManagedToken token,
      Wallet wallet,
      OAuthService oauth,
      ScheduledExecutorService reader) {
    this.settings = settings;
    this.token = token;
    this.wallet = wallet;
    this.oauth = oauth;
    this.reader = reader;
  }

  /**
   * The account for the given settings, keeping its token in {@code store} under {@code openapi:}
   * and a fingerprint of the OAuth service, the e-mail address and the scopes. Nothing is called
   * until the token or the wallet is first asked for.
   *
   * @param settings how to reach the account, and how its token and wallet are kept
   * @param store where the token is kept
   * @return the account, having called nothing yet
   */
  public static OpenapiAccount create(AccountSettings settings, CredentialStore store) {
    Clock clock = Clock.systemUTC();
    return create(
        settings,
        store,
        HttpOAuthService.create(settings, clock, OpenapiClients.Sleeper.REAL),
        clock);
  }

  static OpenapiAccount create(
      AccountSettings settings, CredentialStore store, OAuthService oauth, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(store, "store");
    ScheduledExecutorService reader =
        Executors.newSingleThreadScheduledExecutor(work -> {
          Thread thread = new Thread(work, "sportello-wallet");
          thread.setDaemon(true);
          return thread;
        });
    return new OpenapiAccount(
        settings,
        new ManagedToken(settings, store, oauth, clock),
        new Wallet(settings, oauth, clock, reader),
        oauth,
        reader);
  }

  /**
   * The token the engine adapters call with: minted, kept, renewed and replaced here.
   *
   * @return the token source to give the engines' settings
   */
  public BearerToken token() {
    return token;
  }

  /** Replaces the token now if it is within the renewal margin of its expiry; for a scheduler. */
  public void renewIfDue() {
    token.renewIfDue();
  }

  /** A charging call was made: the wallet is read shortly, a burst of charges making one read. */
  public void charged() {
    wallet.charged();
  }

  /**
   * What an operator is told, at once: the balance last read (a read is started when it is older
   * than the interval), the token's name, scopes and expiry, and the problem or the warning if
   * there is one.
   *
   * @return the account's state, never the token
   */
  public AccountStatus status() {
    Option<StoredCredential> held = token.held();
    return new AccountStatus(
        wallet.balance(),
        token.label(),
        held.map(StoredCredential::scopes).getOrElse(settings.scopes()),
        held.map(StoredCredential::expiresAt),
        token.problem(),
        token.warning());
  }

  /**
   * Reads the wallet's balance now, waiting for the answer; for a command.
   *
   * @return the balance, or why it cannot be read
   */
  public Either<RemoteFailure, WalletBalance> readWallet() {
    return wallet.read();
  }

  /**
   * The account's tokens named as this one's are, whoever minted them; never the tokens.
   *
   * @return the tokens as the OAuth service lists them, or why they cannot be listed
   */
  public Either<RemoteFailure, List<AccountToken>> tokens() {
    Option<String> inUse = token.held().map(StoredCredential::secret);
    return oauth
        .tokens()
        .map(listed ->
            listed
                .filter(issued -> issued.label().equals(settings.tokenName()))
                .map(issued ->
                    new AccountToken(
                        issued.label(),
                        issued.scopes(),
                        issued.createdAt(),
                        issued.expiresAt(),
                        inUse.contains(issued.secret()))));
  }

  /** Stops the background reads of the wallet. */
  @Override
  public void close() {
    reader.shutdownNow();
  }
}
