package dev.sportello.adapter.account;

import dev.sportello.application.port.out.RemoteFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wallet's balance, read in the background so that no caller ever waits on it: when it is asked
 * for and the last read is older than the interval, and shortly after a charge, several charges in
 * a burst making one read. It only informs: upstream decides whether an order is paid (its 402
 * stays the verdict).
 */
final class Wallet {
  /** How long after a charge the balance is read, so that a burst of charges makes one read. */
  static final Duration AFTER_CHARGE = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(Wallet.class);

  private final OAuthService oauth;
  private final Clock clock;
  private final Duration interval;
  private final Option<BigDecimal> warning;
  private final ScheduledExecutorService reader;
  private final AtomicBoolean due = new AtomicBoolean();

  private volatile @Nullable WalletBalance last;
  private volatile @Nullable Instant lastAttempt;

  // Guarded by this.
  private boolean below;

  Wallet(
      AccountSettings settings, OAuthService oauth, Clock clock, ScheduledExecutorService reader) {
    this.oauth = oauth;
    this.clock = clock;
    this.interval = settings.walletInterval();
    this.warning = settings.walletWarning();
    this.reader = reader;
  }

  /** The balance last read; a read is started when that one is older than the interval. */
  Option<WalletBalance> balance() {
    Instant attempted = lastAttempt;
    if (attempted == null || !clock.instant().isBefore(attempted.plus(interval))) {
      readIn(Duration.ZERO);
    }
    return Option.of(last);
  }

  /** A charging call was made: the balance is read shortly. */
  void charged() {
    readIn(AFTER_CHARGE);
  }

  /** Reads the balance now, waiting for the answer. */
  Either<RemoteFailure, WalletBalance> read() {
    Instant started = clock.instant();
    lastAttempt = started;
    Either<RemoteFailure, WalletBalance> read =
        oauth.credit().map(euros -> new WalletBalance(euros, started));
    if (read.isLeft()) {
      LOG.warn("Could not read the Openapi wallet: {}", read.getLeft().message());
    } else {
      record(read.get());
    }
    return read;
  }

  private void readIn(Duration delay) {
    if (!due.compareAndSet(false, true)) {
      return; // a read is due already and will see this charge too
    }
    try {
      // Nothing to wait for: a read tells its own failure.
      var unused =
          reader.schedule(
              () -> {
                // Cleared before reading, so that a charge made during the read asks for another.
                due.set(false);
                read();
              },
              delay.toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      due.set(false);
    }
  }

  private synchronized void record(WalletBalance balance) {
    last = balance;
    if (warning.isEmpty()) {
      return;
    }
    boolean under = balance.euros().compareTo(warning.get()) < 0;
    if (under && !below) {
      LOG.warn(
          "The Openapi wallet holds {} €, below the warning threshold of {} €",
          balance.euros().toPlainString(),
          warning.get().toPlainString());
    }
    below = under;
  }
}
