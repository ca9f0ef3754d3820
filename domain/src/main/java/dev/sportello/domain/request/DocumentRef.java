package dev.sportello.domain.request;

import java.util.Objects;

/**
 * Where the issued document of a request is kept.
 *
 * @param name the archive's name, such as {@code 5f22f722065afc42223c7131.zip}
 * @param sizeBytes the size of the archive
 * @param sha256 the archive's SHA-256, in lower-case hexadecimal
 */
public record DocumentRef(String name, long sizeBytes, String sha256) {
  /** Checks the components. */
  public DocumentRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("a document's size is never negative");
    }
  }
}
