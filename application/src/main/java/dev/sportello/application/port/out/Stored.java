package dev.sportello.application.port.out;

import java.util.Objects;

/**
 * A value as read from a store, with the version that a later write must name.
 *
 * @param value the value
 * @param version the version it was read at; a write that names an older one is a {@link
 *     StorageFailure.StaleWrite}
 * @param <T> the value's type
 */
public record Stored<T>(T value, long version) {
  /** Checks the components. */
  public Stored {
    Objects.requireNonNull(value, "value");
    if (version < 0) {
      throw new IllegalArgumentException("versions are never negative");
    }
  }
}
