package dev.sportello.bootstrap;

import io.vavr.collection.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The browser test classes skipped for want of Chromium, one file each, so that the build can say
 * so after the tests: surefire keeps the tests' own output in files, where nobody would see it.
 * Each test run starts with none; {@link #main} prints them in the build's output.
 */
public final class SkippedBrowserTests implements LauncherSessionListener {
  static final Path DIRECTORY = Path.of("target", "browser-tests-skipped");

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    clear(DIRECTORY);
  }

  static void record(Path directory, String testClass, String reason) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(testClass + ".txt"), reason, StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  static void clear(Path directory) {
    try (Stream<Path> files = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /** The warning the build prints when browser tests were skipped; empty when none was. */
  static List<String> warning(Path directory) {
    List<String> skipped = skipped(directory);
    if (skipped.isEmpty()) {
      return List.empty();
    }
    String rule = "!".repeat(100);
    return List.of(
            rule,
            "!!! THE BROWSER TESTS WERE SKIPPED: the web console was not tested in a browser.")
        .appendAll(skipped.map(line -> "!!!   " + line))
        .appendAll(
            List.of(
                "!!! Install Chromium and its driver (Debian, as root), then build again:",
                "!!!   " + Chromium.INSTALL,
                rule));
  }

  private static List<String> skipped(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.empty();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return List.ofAll(files.sorted().toList())
          .map(file -> {
            String name = file.getFileName().toString();
            return name.substring(0, name.length() - ".txt".length()) + ": " + read(file);
          });
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /**
   * Run by the build after the tests, with the directory of the records as its argument; forgets
   * them once said, so that a later build that runs no test does not repeat them.
   */
  public static void main(String[] arguments) {
    Path directory = Path.of(arguments[0]);
    warning(directory).forEach(System.out::println);
    clear(directory);
  }
}
