package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded store belongs to one process. SQLite would let a second process open the same file,
 * but the sync lock of the embedded store is a lock in one process, so a second instance on the
 * same data directory would run a second sync cycle beside the first. Each process therefore takes
 * an exclusive lock on a file beside the database and holds it until its last adapter on that
 * database closes; a second process finds the lock taken and does not start. Adapters in one
 * process share the lock, as they share the sync lock.
 */
final class SingleProcess implements AutoCloseable {
  private static final Map<Path, Held> HELD = new HashMap<>();

  private final Path lockFile;
  private boolean closed;

  private SingleProcess(Path lockFile) {
    this.lockFile = lockFile;
  }

  /**
   * Takes the lock on the file, or joins this process's hold on it. The hold is kept by the file's
   * real path, so that two paths to one file (a symbolic link, a relative path) share it.
   */
  static Either<StorageFailure, SingleProcess> claim(Path lockFile) {
    synchronized (HELD) {
      Path key;
      try {
        key = OwnerOnly.createFileIfMissing(lockFile.toAbsolutePath()).toRealPath();
      } catch (IOException failure) {
        return Either.left(
            new StorageFailure.Unavailable(
                "cannot create " + lockFile + ": " + failure.getMessage()));
      }
      Held held = HELD.get(key);
      if (held != null) {
        held.adapters++;
        return Either.right(new SingleProcess(key));
      }
      try {
        FileChannel channel =
            FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Option<String> taken = lock(channel, key);
        if (taken.isDefined()) {
          channel.close();
          return Either.left(new StorageFailure.Unavailable(taken.get()));
        }
        HELD.put(key, new Held(channel));
        return Either.right(new SingleProcess(key));
      } catch (IOException failure) {
        return Either.left(
            new StorageFailure.Unavailable("cannot lock " + key + ": " + failure.getMessage()));
      }
    }
  }

  /** Locks the channel's file; or says who holds it. */
  private static Option<String> lock(FileChannel channel, Path key) throws IOException {
    try {
      return channel.tryLock() == null
          ? Option.some(
              "another process uses the store in "
                  + key.getParent()
                  + " (it holds "
                  + key.getFileName()
                  + "); the embedded store serves one instance at a time")
          : Option.none();
    } catch (OverlappingFileLockException sameProcess) {
      return Option.some(
          "this process already locks " + key + " outside the store; it cannot open the store");
    }
  }

  /** The lock file's real path: it names the store for every lock the store has in this process. */
  Path file() {
    return lockFile;
  }

  /** Lets go of this adapter's share; the last one releases the lock. */
  @Override
  public void close() {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      Held held = HELD.get(lockFile);
      if (held == null || --held.adapters > 0) {
        return;
      }
      HELD.remove(lockFile);
      try {
        held.channel.close();
      } catch (IOException ignored) {
        // Closing the channel releases the lock; the process's end would release it too.
      }
    }
  }

  private static final class Held {
    private final FileChannel channel;
    private int adapters = 1;

    private Held(FileChannel channel) {
      this.channel = channel;
    }
  }
}
