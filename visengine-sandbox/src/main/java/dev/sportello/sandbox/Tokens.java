package dev.sportello.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bearer tokens the engines accept. Those given at start ({@code --token}, or the generated
 * one) carry every scope and never expire; those an account mints on the OAuth service carry the
 * scopes they were minted with and expire on the sandbox clock.
 */
final class Tokens {

  /** A token minted through {@code POST /tokens}, rendered as the vendor's TokenDetail. */
  record Minted(
      String token,
      String owner,
      String name,
      Instant createdAt,
      Instant expireAt,
      Instant updatedAt,
      List<Scope> scopes,
      String refreshToken) {

    Minted {
      scopes = List.copyOf(scopes);
    }

    boolean expiredAt(Instant now) {
      return !now.isBefore(expireAt);
    }

    /** Without the token and its refresh token, which are secrets. */
    @Override
    public String toString() {
      return "Minted[owner=" + owner + ", name=" + name + ", expireAt=" + expireAt + "]";
    }

    ObjectNode toJson() {
      ObjectNode json = Json.object();
      json.put("token", token);
      json.put("name", name);
      json.put("createdAt", Json.timestamp(createdAt));
      json.put("expireAt", Json.timestamp(expireAt));
      json.put("updatedAt", Json.timestamp(updatedAt));
      ArrayNode list = json.putArray("scopes");
      scopes.forEach(scope -> list.add(scope.toString()));
      json.put("refreshToken", refreshToken);
      json.putObject("limits");
      json.putObject("stats");
      return json;
    }
  }

  private final List<byte[]> everlasting;
  private final SandboxClock clock;
  private final RandomGenerator random;

  /**
   * Keyed by each token's SHA-256 digest, so that a lookup's time tells nothing of how much of a
   * presented token matches a minted one. Insertion order is minting order.
   */
  private final SequencedMap<String, Minted> minted = new LinkedHashMap<>();

  Tokens(List<String> everlasting, SandboxClock clock, RandomGenerator random) {
    this.everlasting =
        everlasting.stream().map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();
    this.clock = clock;
    this.random = random;
  }

  /** Tokens look like the vendor's: 24 hex digits. */
  static String newToken(RandomGenerator random) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Why an engine call that needs {@code needed} is refused, if it is. */
  Optional<ApiRefusal> refusalFor(@Nullable String authorization, Scope needed) {
    return refusal(authorization, needed);
  }

  /** Why a control API call is refused, if it is: any valid token will do, whatever its scopes. */
  Optional<ApiRefusal> refusalForControl(@Nullable String authorization) {
    return refusal(authorization, null);
  }

  private Optional<ApiRefusal> refusal(@Nullable String authorization, @Nullable Scope needed) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(ApiError.UNAUTHORIZED.error());
    }
    String presented = authorization.substring(7).strip();
    if (isEverlasting(presented)) {
      return Optional.empty();
    }
    Optional<Minted> token = minted(presented);
    if (token.isEmpty()) {
      return Optional.of(ApiError.UNAUTHORIZED.error());
    }
    if (token.get().expiredAt(clock.now())) {
      return Optional.of(ApiError.TOKEN_EXPIRED.error());
    }
    if (needed != null && token.get().scopes().stream().noneMatch(scope -> scope.covers(needed))) {
      return Optional.of(ApiError.SCOPE_MISSING.error(needed.toString()));
    }
    return Optional.empty();
  }

  private boolean isEverlasting(String presented) {
    byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
    return everlasting.stream().anyMatch(token -> MessageDigest.isEqual(token, bytes));
  }

  private synchronized Optional<Minted> minted(String token) {
    return Optional.ofNullable(minted.get(digest(token)));
  }

  private static String digest(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException absent) {
      throw new IllegalStateException("every JDK has SHA-256", absent);
    }
  }

  /** A new token of {@code owner}'s, valid for {@code ttl} from now on the sandbox clock. */
  synchronized Minted mint(String owner, List<Scope> scopes, String name, Duration ttl) {
    Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
    Minted token =
        new Minted(
            newToken(random), owner, name, now, now.plus(ttl), now, scopes, newToken(random));
    minted.put(digest(token.token()), token);
    return token;
  }

  /**
   * {@code owner}'s tokens, newest first, expired ones included: a page of at most {@code limit}.
   */
  synchronized List<Minted> of(String owner, long skip, long limit) {
    return minted.sequencedValues().reversed().stream()
        .filter(token -> token.owner().equals(owner))
        .skip(skip)
        .limit(limit)
        .toList();
  }

  synchronized Optional<Minted> find(String owner, String token) {
    return minted(token).filter(found -> found.owner().equals(owner));
  }

  /** Whether {@code owner} had that token, which is now gone. */
  synchronized boolean delete(String owner, String token) {
    if (find(owner, token).isEmpty()) {
      return false;
    }
    minted.remove(digest(token));
    return true;
  }

  /** Makes a minted token expire now; one given at start cannot expire. */
  synchronized Minted expireNow(String token) {
    if (isEverlasting(token)) {
      throw ApiError.TOKEN_NEVER_EXPIRES.error();
    }
    Minted found = minted.get(digest(token));
    if (found == null) {
      throw ApiError.NO_SUCH_TOKEN.error();
    }
    Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
    Minted expired =
        new Minted(
            found.token(),
            found.owner(),
            found.name(),
            found.createdAt(),
            now,
            now,
            found.scopes(),
            found.refreshToken());
    minted.put(digest(token), expired);
    return expired;
  }
}
