package dev.sportello.adapter.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Files that replace others in one step and stay replaced after a power loss: a new file is written
 * and synced beside its destination, moved over it, and the folder is synced so that the move
 * itself is on disk.
 */
final class DurableFiles {
  /**
   * Keeps the other threads of this process out while one holds a lock file: a process cannot lock
   * one file twice. The work under it is short (a read and a rename), so one lock serves all.
   */
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();

  private DurableFiles() {}

  /** Work on files that may fail with an {@link IOException}. */
  interface Work<T> {
    T run() throws IOException;
  }

  /**
   * Runs the work while holding {@code lockFile} (created for its owner only when missing), so that
   * other processes sharing the folder that take the same lock wait for it.
   */
  static <T> T exclusively(Path lockFile, Work<T> work) throws IOException {
    OwnerOnly.createDirectories(
        Objects.requireNonNull(lockFile.toAbsolutePath().getParent(), "a file has a folder"));
    IN_PROCESS.lock();
    try (FileChannel channel =
        FileChannel.open(OwnerOnly.createFileIfMissing(lockFile), StandardOpenOption.WRITE)) {
      // Released when the channel closes.
      channel.lock();
      return work.run();
    } finally {
      IN_PROCESS.unlock();
    }
  }

  /** Syncs a written file's content to disk. */
  static void sync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Moves {@code from} over {@code to}, atomically where the file system can, then syncs the
   * folder.
   */
  static void replace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException unsupported) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
    syncFolder(Objects.requireNonNull(to.toAbsolutePath().getParent(), "a file has a folder"));
  }

  /** Syncs a folder, so that a file created or moved into it stays there after a power loss. */
  static void syncFolder(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
