package dev.sportello.adapter.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and folders that only their owner can read: personal data and keys live in them. They are
 * created with these permissions, never created first and narrowed after, so nobody can open them
 * in between. File systems without POSIX permissions get plain files.
 */
final class OwnerOnly {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** Creates a folder and its missing parents, each readable by its owner only. */
  static Path createDirectories(Path directory) throws IOException {
    Path absolute = directory.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      createDirectories(parent);
    }
    try {
      return posix(absolute)
          ? Files.createDirectory(absolute, attribute(FOLDER))
          : Files.createDirectory(absolute);
    } catch (FileAlreadyExistsException exists) {
      if (!Files.isDirectory(absolute)) {
        throw exists;
      }
      return absolute;
    }
  }

  /** Creates an empty file readable and writable by its owner only, replacing any file there. */
  static Path createFile(Path file) throws IOException {
    Files.deleteIfExists(file);
    return posix(file) ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
  }

  /**
   * Creates an empty file readable and writable by its owner only; a file already there, perhaps
   * made by an earlier version, is narrowed to its owner instead.
   */
  static Path createFileIfMissing(Path file) throws IOException {
    try {
      return posix(file) ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
    } catch (FileAlreadyExistsException exists) {
      narrowIfPresent(file);
      return file;
    }
  }

  /** Takes every permission of group and others away from a file, if it exists. */
  static void narrowIfPresent(Path file) throws IOException {
    if (!posix(file) || !Files.exists(file)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (permissions.retainAll(OWNER)) {
      Files.setPosixFilePermissions(file, permissions);
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(
      Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
