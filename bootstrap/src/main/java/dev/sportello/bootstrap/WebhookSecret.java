package dev.sportello.bootstrap;

import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key behind the webhook tokens, generated once and kept in the data dir: tokens handed to the
 * engines must still be recognised after a restart, and by every instance that shares the dir.
 */
final class WebhookSecret {
  static final String FILE = "webhook.secret";

  private WebhookSecret() {}

  static Either<String, String> readOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      return secret.length() >= 32
          ? Either.right(secret)
          : Either.left(file + " holds less than 32 characters; delete it to have a new one made");
    } catch (IOException | UnsupportedOperationException failure) {
      return Either.left(
          "cannot keep the webhook secret in " + file + ": " + failure.getClass().getSimpleName());
    }
  }

  private static void create(Path file) throws IOException {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path draft = Files.createTempFile(file.getParent(), FILE, ".tmp");
    try {
      if (Files.getFileStore(draft).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(
          draft, secret, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      // Two instances starting together: the first one's secret wins, the other reads it.
      Files.createLink(file, draft);
    } catch (FileAlreadyExistsException lostTheRace) {
      // The other instance's secret is in place.
    } finally {
      Files.deleteIfExists(draft);
    }
  }
}
