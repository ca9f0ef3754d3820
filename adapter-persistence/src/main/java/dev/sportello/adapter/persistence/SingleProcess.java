package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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

  /** Takes the lock on the file, or joins this process's hold on it. */
  static Either<StorageFailure, SingleProcess> claim(Path lockFile) {
    Path key = lockFile.toAbsolutePath().normalize();
    synchronized (HELD) {
      Held held = HELD.get(key);
      if (held != null) {
        held.adapters++;
        return Either.right(new SingleProcess(key));
      }
      try {
        FileChannel channel =
            FileChannel.open(
                OwnerOnly.createFileIfMissing(key),
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
          channel.close();
          return Either.left(
              new StorageFailure.Unavailable(
                  "another process uses the store in "
                      + key.getParent()
                      + " (it holds "
                      + key.getFileName()
                      + "); the embedded store serves one instance at a time"));
        }
        HELD.put(key, new Held(channel));
        return Either.right(new SingleProcess(key));
      } catch (IOException failure) {
        return Either.left(
            new StorageFailure.Unavailable("cannot lock " + key + ": " + failure.getMessage()));
      }
    }
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
