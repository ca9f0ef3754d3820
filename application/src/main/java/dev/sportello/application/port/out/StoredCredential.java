package dev.sportello.application.port.out;

import io.vavr.collection.List;
import java.time.Instant;
import java.util.Objects;

/**
 * A credential kept in the store.
 *
 * @param name what it is kept under, such as {@code openapi}
 * @param secret the bearer token itself; never shown
 * @param label the name it has where it was issued, so that a person recognises it there
 * @param scopes what it permits
 * @param expiresAt when it stops working
 */
public record StoredCredential(
    String name, String secret, String label, List<String> scopes, Instant expiresAt) {
  /** Checks the components. */
  public StoredCredential {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (name.isBlank() || secret.isBlank()) {
      throw new IllegalArgumentException("name and secret must not be blank");
    }
  }

  /** Leaves the secret out. */
  @Override
  public String toString() {
    return "StoredCredential[name="
        + name
        + ", label="
        + label
        + ", scopes="
        + scopes
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
