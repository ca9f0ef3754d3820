package dev.sportello.sandbox;

import dev.sportello.sandbox.SandboxSettings.Account;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The users of the sandbox's one Openapi account, recognised on the OAuth service by HTTP Basic
 * {@code email:apiKey}.
 */
final class Accounts {

  /** Each account with the digest of its credentials: every comparison then takes the same time. */
  private final List<Map.Entry<Account, byte[]>> credentials;

  Accounts(List<Account> accounts) {
    this.credentials =
        accounts.stream()
            .map(account -> Map.entry(account, sha256(account.email() + ":" + account.apiKey())))
            .toList();
  }

  /** The account whose credentials an {@code Authorization: Basic …} header carries, if any. */
  Optional<Account> authenticate(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    byte[] presented = sha256(new String(decoded, StandardCharsets.UTF_8));
    Account found = null;
    // No early exit: the time taken does not tell which account, if any, matched.
    for (Map.Entry<Account, byte[]> credential : credentials) {
      if (MessageDigest.isEqual(credential.getValue(), presented)) {
        found = credential.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every JDK has SHA-256", missing);
    }
  }
}
