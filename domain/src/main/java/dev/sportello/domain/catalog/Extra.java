package dev.sportello.domain.catalog;

import dev.sportello.domain.shared.Money;
import java.util.Objects;

/**
 * A priced add-on a certificate offers, such as urgent handling.
 *
 * @param key how a submission chooses it, as the engine published it
 * @param kind what it is, as published ({@code urgenza}, {@code assistenza_dedicata}, …)
 * @param price its net price
 */
public record Extra(String key, String kind, Money price) {
  /** Checks the components. */
  public Extra {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(price, "price");
    if (key.isBlank()) {
      throw new IllegalArgumentException("an extra needs a key");
    }
  }
}
