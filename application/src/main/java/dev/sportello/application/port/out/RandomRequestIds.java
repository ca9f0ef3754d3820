package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;
import java.security.SecureRandom;
import java.util.Base64;

/** Request ids of 120 random bits, URL-safe: unique and not guessable from one another. */
final class RandomRequestIds implements RequestIds {
  private final SecureRandom random = new SecureRandom();

  @Override
  public RequestId next() {
    byte[] bytes = new byte[15];
    random.nextBytes(bytes);
    return new RequestId("req_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }
}
