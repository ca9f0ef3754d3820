package dev.sportello.bootstrap;

import java.security.SecureRandom;
import java.util.Base64;

/** New API keys: 192 random bits, URL-safe, with a prefix that says what they are for. */
final class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  static String generate(String prefix) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
