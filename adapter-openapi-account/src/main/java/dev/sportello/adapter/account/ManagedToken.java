package dev.sportello.adapter.account;

import dev.sportello.adapter.openapi.BearerToken;
import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredCredential;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token minted on the OAuth service and kept in the credential store under a name of its
 * own (see {@link #storeName}), shared by every identically configured instance on that store. An
 * instance of another account, OAuth service or scopes keeps its own token under another name, and
 * never uses nor deletes this one.
 *
 * <p>A kept token is used while it has exactly the wanted scopes and is not within the renewal
 * margin of its expiry. Otherwise, under the store's lock, the store is read again (another
 * instance may have replaced it already) and only then is a token minted, kept, and the one it
 * replaces deleted. One thread of an instance does this while the others wait for its result, so
 * that however many ask at once, at most one token is minted.
 *
 * <p>When the answer to a mint is lost, a token may have been minted all the same: before the next
 * mint, the account's tokens named and scoped as this one's are listed, and those not kept are
 * deleted, so that no orphan piles up.
 *
 * <p>A token upstream refuses is replaced once the same way. When the replacement is refused too,
 * or no token can be had (a wrong e-mail address or API key, a scope not enabled on the account),
 * the reason is the account's problem: the engines have no working token. When only a renewal fails
 * while the kept token still works, the reason is a warning. Either way a mint is tried again at
 * most once a minute.
 */
final class ManagedToken implements BearerToken {

  /** The least time between a failed mint, or a refused replacement, and the next mint. */
  static final Duration MINT_PAUSE = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(ManagedToken.class);

  private final AccountSettings settings;
  private final CredentialStore store;
  private final OAuthService oauth;
  private final Clock clock;
  private final Set<String> wanted;
  private final String storeName;

  /** The token in use, read without the lock on every call. */
  private volatile @Nullable StoredCredential held;

  /** Why the last attempt to obtain a token failed, until one is obtained. */
  private volatile @Nullable String trouble;

  /** Whether the token in use is a replacement that upstream refused too. */
  private volatile boolean refusedInTurn;

  // Guarded by this.
  private @Nullable Instant pausedUntil;
  private @Nullable String replacement;
  private @Nullable Instant replacedAt;
  private boolean mintUnsettled;

  ManagedToken(AccountSettings settings, CredentialStore store, OAuthService oauth, Clock clock) {
    if (settings.scopes().exists(scope -> scope.contains("*"))) {
      throw new IllegalArgumentException("a token is never minted with a wildcard scope");
    }
    this.settings = settings;
    this.store = store;
    this.oauth = oauth;
    this.clock = clock;
    this.wanted = HashSet.ofAll(settings.scopes());
    this.storeName = storeName(settings);
  }

  /**
   * What the token is kept under: {@code openapi:} and a fingerprint of the OAuth service, the
   * account's e-mail address and the sorted scopes, so that the kept token is always one of this
   * account, minted for these wants. The address itself is not in clear.
   */
  static String storeName(AccountSettings settings) {
    String wants =
        settings.baseUrl().toString().replaceAll("/+$", "")
            + "\n"
            + settings.email().strip().toLowerCase(Locale.ROOT)
            + "\n"
            + settings.scopes().distinct().sorted().mkString("\n");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(wants.getBytes(StandardCharsets.UTF_8));
      return "openapi:" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException absent) {
      throw new IllegalStateException("every JDK has SHA-256", absent);
    }
  }

  @Override
  public Either<String, String> current() {
    StoredCredential now = held;
    if (now != null && fresh(now, clock.instant())) {
      return Either.right(now.secret());
    }
    synchronized (this) {
      return obtain(Option.none());
    }
  }

  @Override
  public synchronized boolean refused(String token) {
    Instant now = clock.instant();
    StoredCredential inUse = held;
    if (inUse != null && !inUse.secret().equals(token) && fresh(inUse, now)) {
      return true; // replaced already, by this instance or another
    }
    if (token.equals(replacement)
        && replacedAt != null
        && now.isBefore(replacedAt.plus(MINT_PAUSE))) {
      // Another instance may have replaced the replacement already: only the store knows.
      Either<StorageFailure, Option<StoredCredential>> found = store.find(storeName);
      if (found.isLeft()) {
        fail(now, "the credential store could not be read: " + found.getLeft().message());
        return false;
      }
      if (found.get().exists(kept -> usable(kept, now, Option.some(token)))) {
        held = found.get().get();
        replacement = null;
        obtained();
        return true;
      }
      replacement = null;
      refusedInTurn = true;
      fail(
          now,
          "the token minted to replace a refused one was refused too: the engines may be reached"
              + " in another environment than the OAuth service's, or the account lacks a scope");
      return false;
    }
    Either<String, String> next = obtain(Option.some(token));
    if (next.isRight() && !next.get().equals(token)) {
      LOG.info("Upstream refused an Openapi token; calling with '{}' instead", label());
      replacement = next.get();
      replacedAt = now;
      return true;
    }
    return false;
  }

  /** Replaces the token now if it is within the renewal margin of its expiry. */
  void renewIfDue() {
    current();
  }

  /** The token in use, if any. */
  Option<StoredCredential> held() {
    return Option.of(held);
  }

  /** Why the engines have no working token: none can be had, or the replacement was refused. */
  Option<String> problem() {
    return Option.of(trouble).filter(why -> !stillWorks());
  }

  /** Why the token could not be renewed, while the one in use still works. */
  Option<String> warning() {
    return Option.of(trouble).filter(why -> stillWorks());
  }

  private boolean stillWorks() {
    StoredCredential inUse = held;
    return !refusedInTurn && inUse != null && working(inUse, clock.instant(), Option.none());
  }

  /** The token's name on the OAuth service. */
  String label() {
    StoredCredential inUse = held;
    return inUse == null ? settings.tokenName() : inUse.label();
  }

  /** Under this instance's lock: reads the store, and replaces the token when it must. */
  private Either<String, String> obtain(Option<String> refused) {
    Instant now = clock.instant();
    StoredCredential inUse = held;
    if (inUse != null && usable(inUse, now, refused)) {
      return Either.right(inUse.secret()); // another thread obtained it while this one waited
    }
    if (paused(now) && inUse != null && working(inUse, now, refused)) {
      return Either.right(inUse.secret()); // the store is read again once the pause is over
    }
    Either<StorageFailure, Option<StoredCredential>> found = store.find(storeName);
    if (found.isLeft()) {
      fail(now, "the credential store could not be read: " + found.getLeft().message());
      return fallback(now, refused);
    }
    Option<StoredCredential> kept = found.get();
    if (kept.exists(credential -> working(credential, now, refused))) {
      held = kept.get();
      if (fresh(kept.get(), now)) {
        obtained();
        return Either.right(kept.get().secret());
      }
    }
    if (paused(now)) {
      return fallback(now, refused);
    }
    Either<StorageFailure, Replacement> replaced =
        store.whileHolding(storeName, () -> replaceKept(refused));
    if (replaced.isLeft()) {
      fail(now, "the credential store could not be locked: " + replaced.getLeft().message());
      return fallback(now, refused);
    }
    return switch (replaced.get()) {
      case Replacement.Taken taken -> {
        held = taken.credential();
        obtained();
        yield Either.right(taken.credential().secret());
      }
      case Replacement.Minted minted -> {
        held = minted.credential();
        obtained();
        pausedUntil = null;
        LOG.info(
            "Minted the Openapi token '{}' with {} scopes, expiring at {}",
            minted.credential().label(),
            minted.credential().scopes().size(),
            minted.credential().expiresAt());
        minted.replaced().forEach(this::delete);
        if (!fresh(minted.credential(), now)) {
          // Used all the same; the pause keeps every call from minting another.
          fail(now, "the OAuth service granted a life shorter than the renewal margin");
        }
        yield Either.right(minted.credential().secret());
      }
      case Replacement.Failed failed -> {
        fail(now, failed.problem());
        yield fallback(now, refused);
      }
    };
  }

  /** Under the store's lock: reads it again, and mints a token only if it still must. */
  private Replacement replaceKept(Option<String> refused) {
    Instant now = clock.instant();
    Either<StorageFailure, Option<StoredCredential>> found = store.find(storeName);
    if (found.isLeft()) {
      return new Replacement.Failed(
          "the credential store could not be read: " + found.getLeft().message());
    }
    Option<StoredCredential> kept = found.get();
    if (kept.exists(credential -> usable(credential, now, refused))) {
      return new Replacement.Taken(kept.get());
    }
    if (mintUnsettled) {
      Option<String> unswept = deleteUnkept(kept);
      if (unswept.isDefined()) {
        return new Replacement.Failed(unswept.get());
      }
      mintUnsettled = false;
    }
    Either<RemoteFailure, IssuedToken> minted =
        oauth.mint(settings.scopes(), settings.tokenName(), settings.tokenTtl());
    if (minted.isLeft()) {
      mintUnsettled = minted.getLeft() instanceof RemoteFailure.OutcomeUnknown;
      return new Replacement.Failed(mintProblem(minted.getLeft()));
    }
    IssuedToken issued = minted.get();
    StoredCredential credential =
        new StoredCredential(
            storeName,
            issued.secret(),
            issued.label().isEmpty() ? settings.tokenName() : issued.label(),
            issued.scopes().isEmpty() ? settings.scopes() : issued.scopes(),
            issued.expiresAt().getOrElse(() -> now.plus(settings.tokenTtl())));
    if (!HashSet.ofAll(credential.scopes()).equals(wanted)) {
      delete(credential);
      return new Replacement.Failed(
          "the OAuth service granted other scopes than were asked for: "
              + credential.scopes().mkString(", "));
    }
    Either<StorageFailure, StoredCredential> saved = store.save(credential);
    if (saved.isLeft()) {
      delete(credential);
      return new Replacement.Failed(
          "the new token could not be kept in the credential store: " + saved.getLeft().message());
    }
    return new Replacement.Minted(credential, kept);
  }

  /**
   * Deletes the account's tokens named and scoped as this one's but the kept one: after a mint of
   * unknown outcome, one may be an orphan. Empty when done, else why not.
   */
  private Option<String> deleteUnkept(Option<StoredCredential> kept) {
    Either<RemoteFailure, List<IssuedToken>> listed = oauth.tokens();
    if (listed.isLeft()) {
      return Option.some(
          "the account's tokens could not be listed after a mint of unknown outcome: "
              + listed.getLeft().message());
    }
    listed
        .get()
        .filter(token ->
            token.label().equals(settings.tokenName())
                && HashSet.ofAll(token.scopes()).equals(wanted)
                && !kept.exists(credential -> credential.secret().equals(token.secret())))
        .forEach(orphan ->
            delete(
                orphan.secret(),
                orphan.label(),
                orphan.expiresAt().map(Instant::toString).getOrElse("an unknown moment")));
    return Option.none();
  }

  /** After a failure: the token in use while it still works, else the problem. */
  private Either<String, String> fallback(Instant now, Option<String> refused) {
    StoredCredential inUse = held;
    if (inUse != null && working(inUse, now, refused)) {
      return Either.right(inUse.secret());
    }
    String why = trouble;
    return Either.left(why == null ? "no Openapi token is available" : why);
  }

  private boolean paused(Instant now) {
    return pausedUntil != null && now.isBefore(pausedUntil);
  }

  /** A working token was obtained: nothing is wrong any more. */
  private void obtained() {
    trouble = null;
    refusedInTurn = false;
  }

  private void fail(Instant now, String why) {
    trouble = why;
    pausedUntil = now.plus(MINT_PAUSE);
    LOG.warn("No new Openapi token: {}; the next attempt is due after {}", why, pausedUntil);
  }

  private void delete(StoredCredential replaced) {
    delete(replaced.secret(), replaced.label(), replaced.expiresAt().toString());
  }

  /** Deletes a token that was replaced; a failure is told without the token. */
  private void delete(String secret, String label, String expiry) {
    oauth
        .delete(secret)
        .filter(failure -> !(failure instanceof RemoteFailure.NotFound))
        .forEach(failure ->
            LOG.warn(
                "Could not delete the replaced Openapi token '{}' expiring at {}: {} {}",
                label,
                expiry,
                failure.getClass().getSimpleName(),
                failure.message().replace(secret, "…")));
  }

  /** Whether the token has the wanted scopes and is not within the margin of its expiry. */
  private boolean fresh(StoredCredential credential, Instant now) {
    return working(credential, now, Option.none())
        && now.isBefore(credential.expiresAt().minus(settings.renewalMargin()));
  }

  private boolean usable(StoredCredential credential, Instant now, Option<String> refused) {
    return fresh(credential, now) && !refused.contains(credential.secret());
  }

  /** Whether the token still works, as far as is known: renewal may be due. */
  private boolean working(StoredCredential credential, Instant now, Option<String> refused) {
    return HashSet.ofAll(credential.scopes()).equals(wanted)
        && now.isBefore(credential.expiresAt())
        && !refused.contains(credential.secret());
  }

  private String mintProblem(RemoteFailure failure) {
    if (failure instanceof RemoteFailure.AccessDenied) {
      return "the OAuth service refused the account's e-mail address and API key";
    }
    if (failure instanceof RemoteFailure.Rejected rejected) {
      return "90".equals(rejected.code())
          ? "the OAuth service refused the scopes: one is not enabled on the account ("
              + settings.scopes().mkString(", ")
              + ")"
          : "the OAuth service refused to mint a token: error "
              + rejected.code()
              + ", "
              + rejected.message();
    }
    return "the OAuth service could not mint a token: " + failure.message();
  }

  /** What was done under the store's lock. */
  private sealed interface Replacement {
    /** Another instance had replaced the token already. */
    record Taken(StoredCredential credential) implements Replacement {}

    /** A token was minted and kept, in place of the one kept before, if any. */
    record Minted(StoredCredential credential, Option<StoredCredential> replaced)
        implements Replacement {}

    record Failed(String problem) implements Replacement {}
  }
}
