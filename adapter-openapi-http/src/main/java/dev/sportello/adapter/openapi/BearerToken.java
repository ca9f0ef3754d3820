package dev.sportello.adapter.openapi;

import io.vavr.control.Either;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where an engine adapter's bearer token comes from: asked for on every call, and told when
 * upstream refuses it, so that a source able to replace it (a rotated secret, a token minted on the
 * OAuth service) can do so before the call is made once more.
 */
public interface BearerToken {

  /**
   * The token to call with now.
   *
   * @return the token, or why there is none now; that reason never contains a token
   */
  Either<String, String> current();

  /**
   * Upstream answered 401 to a call made with {@code token}.
   *
   * @param token the token the refused call was made with
   * @return whether {@link #current()} now gives another token worth one more attempt
   */
  boolean refused(String token);

  /**
   * A token that never changes: a refusal is final.
   *
   * @param token the token
   * @throws IllegalArgumentException when it is blank
   * @return a source that always gives this token
   */
  static BearerToken fixed(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the token must not be blank");
    }
    return new SuppliedToken(() -> token);
  }

  /**
   * A token read from {@code supplier} on every call, so that a secret rotated outside can be used
   * without a restart; after a refusal, another attempt is made when the supplier has meanwhile
   * been given another token.
   *
   * @param supplier gives the current token
   * @return a source that asks the supplier on every call
   */
  static BearerToken supplied(Supplier<String> supplier) {
    return new SuppliedToken(Objects.requireNonNull(supplier, "supplier"));
  }
}
