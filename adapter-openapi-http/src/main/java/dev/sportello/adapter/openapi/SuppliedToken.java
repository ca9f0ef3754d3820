package dev.sportello.adapter.openapi;

import io.vavr.control.Either;
import java.util.function.Supplier;

/** A token read from a supplier on every call; never shows it. */
final class SuppliedToken implements BearerToken {
  private final Supplier<String> supplier;

  SuppliedToken(Supplier<String> supplier) {
    this.supplier = supplier;
  }

  @Override
  public Either<String, String> current() {
    String token;
    try {
      token = supplier.get();
    } catch (RuntimeException failed) {
      return Either.left("the token supplier failed: " + failed.getClass().getSimpleName());
    }
    if (token == null || token.isBlank()) {
      return Either.left("the token supplier gave no token");
    }
    return Either.right(token.strip());
  }

  /** Worth another attempt when the supplier has meanwhile been given another token. */
  @Override
  public boolean refused(String token) {
    return current().map(now -> !now.equals(token)).getOrElse(false);
  }

  @Override
  public String toString() {
    return "BearerToken[supplied]";
  }
}
