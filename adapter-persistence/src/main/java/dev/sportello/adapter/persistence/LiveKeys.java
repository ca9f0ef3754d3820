package dev.sportello.adapter.persistence;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The data keys in use, taken up again when their key file is replaced (a rotation publishes a new
 * file), so that a running service seals with a new key without a restart. Keys given as text
 * change only with a restart.
 */
final class LiveKeys {
  private final Option<Path> file;
  private volatile DataKeys current;
  private volatile @Nullable Object seen;

  private LiveKeys(Option<Path> file, DataKeys current) {
    this.file = file;
    this.current = current;
    this.seen = file.map(LiveKeys::identity).getOrNull();
  }

  /** Keys that never change. */
  static LiveKeys fixed(DataKeys keys) {
    return new LiveKeys(Option.none(), keys);
  }

  /** Keys kept in a file, read again when the file is replaced. */
  static LiveKeys keptIn(Path file, DataKeys keys) {
    return new LiveKeys(Option.some(file), keys);
  }

  DataKeys current() {
    return current;
  }

  /**
   * Reads the key file again when another file took its place.
   *
   * @return whether the keys changed; or why the new file was not taken up: it cannot be read, or
   *     it lacks a key in use now (then the keys in use stay)
   */
  synchronized Either<String, Boolean> refresh() {
    if (file.isEmpty()) {
      return Either.right(false);
    }
    @Nullable Object now = identity(file.get());
    if (Objects.equals(now, seen)) {
      return Either.right(false);
    }
    Either<String, DataKeys> read = DataKeys.kept(file.get());
    if (read.isLeft()) {
      return Either.left(read.getLeft());
    }
    if (!read.get().holdsEveryPrimaryOf(current)) {
      return Either.left("the data key file " + file.get() + " lacks a key in use; kept the keys");
    }
    seen = now;
    current = read.get();
    return Either.right(true);
  }

  private static @Nullable Object identity(Path file) {
    try {
      return FileIdentity.of(file);
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
