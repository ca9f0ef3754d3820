package dev.sportello.domain.field;

import io.vavr.collection.Set;
import java.util.Objects;

/**
 * The configurable part of value checking.
 *
 * @param maxFileBytes the largest decoded file accepted in a file field
 * @param allowedFileTypes the MIME types accepted in a file field, lower case
 */
public record ValuePolicy(long maxFileBytes, Set<String> allowedFileTypes) {
  /** 10 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

  /** Checks the components. */
  public ValuePolicy {
    Objects.requireNonNull(allowedFileTypes, "allowedFileTypes");
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("the file size limit must be positive");
    }
  }

  /**
   * Files up to 10 MB of PDF, PNG or JPEG.
   *
   * @return the policy
   */
  public static ValuePolicy defaults() {
    return new ValuePolicy(
        DEFAULT_MAX_FILE_BYTES,
        io.vavr.collection.HashSet.of("application/pdf", "image/png", "image/jpeg"));
  }
}
