package dev.sportello.adapter.console;

import io.vavr.control.Option;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The sessions of this instance, in memory: at most a configured number, each forgotten after an
 * idle time. Opening one sweeps out the expired ones, and when still full forgets the one idle the
 * longest, so the count stays bounded whatever the traffic.
 */
final class Sessions {
  private static final int TOKEN_BYTES = 32;

  /** What {@link #token()} makes: 256 bits in URL-safe Base64. */
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();
  private final Duration idleTimeout;
  private final int capacity;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();

  Sessions(Duration idleTimeout, int capacity, InstantSource clock) {
    this.idleTimeout = idleTimeout;
    this.capacity = capacity;
    this.clock = clock;
  }

  /** A new session for a caller who has just signed in, under a new id. */
  Session open(String caller) {
    Instant now = clock.instant();
    byId.values().removeIf(session -> expired(session, now));
    while (byId.size() >= capacity) {
      byId.values().stream()
          .min(Comparator.comparing(Session::lastSeen))
          .ifPresent(oldest -> byId.remove(oldest.id(), oldest));
    }
    Session session = new Session(token(), caller, token(), now);
    byId.put(session.id(), session);
    return session;
  }

  /** The live session under an id, seen now; an expired one is forgotten. */
  Option<Session> find(String id) {
    Instant now = clock.instant();
    Session seen =
        byId.computeIfPresent(
            id, (key, session) -> expired(session, now) ? null : session.seenAt(now));
    return Option.of(seen);
  }

  /**
   * Whether the session under an id is still live, without counting the question as its person's
   * activity: a page left open does not keep its session alive.
   */
  boolean isOpen(String id) {
    Session session = byId.get(id);
    return session != null && !expired(session, clock.instant());
  }

  void close(String id) {
    byId.remove(id);
  }

  /** A random, URL-safe token of 256 bits. */
  String token() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private boolean expired(Session session, Instant now) {
    return !session.lastSeen().plus(idleTimeout).isAfter(now);
  }
}
