package dev.sportello.adapter.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which file is at a path, and when it was written: a file moved into place (as files are replaced
 * here) is another file, so comparing identities tells whether a file was replaced meanwhile.
 */
final class FileIdentity {
  private FileIdentity() {}

  /** The identity of the file at the path; null when there is none. */
  static @Nullable Object of(Path file) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      @Nullable Object key = attributes.fileKey();
      return List.of(key == null ? "" : key, attributes.lastModifiedTime(), attributes.size());
    } catch (NoSuchFileException missing) {
      return null;
    }
  }
}
