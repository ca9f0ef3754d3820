package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code sportello} launcher stays true to the command line it runs. */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "sportello");
  private static final String COMMANDS = "commands=\"";
  private static final String NATIVE_LIBRARY = "libsqlitejdbc.so";

  @TempDir Path install;

  @Test
  void theLauncherKeepsAStartCacheForExactlyTheCommandsOfTheCommandLine() throws IOException {
    String line =
        Files.readString(LAUNCHER)
            .lines()
            .filter(text -> text.startsWith(COMMANDS))
            .findFirst()
            .orElseThrow();
    String[] cached = line.substring(COMMANDS.length(), line.length() - 1).split(" ");

    assertThat(cached)
        .containsExactlyInAnyOrderElementsOf(Main.commandLine(Map.of()).getSubcommands().keySet());
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void theLauncherHandsTheDriverACopyOfItsNativeLibraryMadeNextToTheJar()
      throws IOException, InterruptedException {
    Path driver =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .filter(jar -> jar.getFileName().toString().startsWith("sqlite-jdbc-"))
            .findFirst()
            .orElseThrow();
    String driverName = driver.getFileName().toString().replace(".jar", "");
    Path copies = installWith(driver).resolve("bootstrap/target/native/" + driverName);
    Path copy = copies.resolve("Linux").resolve(linuxArchitecture()).resolve(NATIVE_LIBRARY);

    Launch first = launch("--version");
    Launch second = launch("--version");

    assertThat(copy).isNotEmptyFile();
    assertThat(first.errors()).isEmpty();
    assertThat(first.javaArguments())
        .contains(
            "-Dorg.sqlite.lib.path=" + copy.getParent(), "-Dorg.sqlite.lib.name=" + NATIVE_LIBRARY)
        .endsWith("--version");
    assertThat(second.javaArguments()).isEqualTo(first.javaArguments());
    assertThat(jarRuns()).isOne();
    assertThat(copies.resolve("Linux")).isDirectoryNotContaining("glob:**/extracting.*");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aNativeLibraryThatCannotBeCopiedIsTriedOnceQuietlyAndLeftToTheDriver()
      throws IOException, InterruptedException {
    Path driver = install.resolve("sqlite-jdbc-0.0.jar");
    try (var emptyJar = new JarOutputStream(Files.newOutputStream(driver))) {
      emptyJar.flush();
    }
    Path copies =
        installWith(driver)
            .resolve("bootstrap/target/native/sqlite-jdbc-0.0/Linux")
            .resolve(linuxArchitecture());

    Launch first = launch("--version");
    Launch second = launch("--version");

    assertThat(first.errors()).isEmpty();
    assertThat(first.javaArguments()).noneMatch(argument -> argument.startsWith("-Dorg.sqlite"));
    assertThat(second.javaArguments()).isEqualTo(first.javaArguments());
    assertThat(copies.resolve("not-copied")).exists();
    assertThat(jarRuns()).isOne();
  }

  @ParameterizedTest(name = "JDK {0}")
  @ValueSource(strings = {"21", "24", "25"})
  @EnabledOnOs(OS.LINUX)
  void aMistypedCommandRunsWithoutAStartCache(String jdk) throws IOException, InterruptedException {
    // The launcher names no file after the command itself; the JVM does, from the cache options
    // it is given, so those are what this holds it to.
    installWith(emptyDriver(), jdk);

    Launch mistyped = launch("frobnicate");
    Launch known = launch("catalog");

    assertThat(mistyped.javaArguments())
        .endsWith("frobnicate")
        .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"))
        .noneMatch(argument -> argument.startsWith("-XX:AOT"));
    assertThat(known.javaArguments())
        .anyMatch(argument ->
            argument.startsWith(jdk.equals("25") ? "-XX:AOT" : "-XX:SharedArchiveFile="));
  }

  private Path emptyDriver() throws IOException {
    Path driver = install.resolve("sqlite-jdbc-0.0.jar");
    try (var emptyJar = new JarOutputStream(Files.newOutputStream(driver))) {
      emptyJar.flush();
    }
    return driver;
  }

  private long jarRuns() throws IOException {
    return Files.readAllLines(install.resolve("jdk/bin/jar.runs")).size();
  }

  private static String linuxArchitecture() {
    return System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
  }

  /**
   * An installation of the launcher around the given driver jar, with a JDK whose {@code java}
   * writes down its arguments instead of running, and whose {@code jar} is this JDK's, counting its
   * runs. Returns its root.
   */
  private Path installWith(Path driver) throws IOException {
    return installWith(driver, "21");
  }

  /** The same, with a JDK of the given version. */
  private Path installWith(Path driver, String jdkVersion) throws IOException {
    Path root = Files.createDirectories(install.resolve("sportello"));
    Files.copy(LAUNCHER, root.resolve("sportello"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(root.resolve(".mvn"));
    Files.copy(Path.of("..", ".mvn", "find-jdk.sh"), root.resolve(".mvn/find-jdk.sh"));
    Path target = Files.createDirectories(root.resolve("bootstrap/target/lib"));
    Files.copy(driver, target.resolve(driver.getFileName()));
    Files.createFile(root.resolve("bootstrap/target/sportello.jar"));
    Path jdk = Files.createDirectories(install.resolve("jdk/bin"));
    Files.writeString(jdk.resolveSibling("release"), "JAVA_VERSION=\"" + jdkVersion + "\"\n");
    executable(jdk.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\" >\"$0.arguments\"\n");
    executable(jdk.resolve("javac"), "#!/bin/sh\n");
    Path jar = Path.of(System.getProperty("java.home"), "bin", "jar");
    executable(jdk.resolve("jar"), "#!/bin/sh\necho >>\"$0.runs\"\nexec '" + jar + "' \"$@\"\n");
    return root;
  }

  private static void executable(Path file, String script) throws IOException {
    Files.writeString(file, script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Launch launch(String... arguments) throws IOException, InterruptedException {
    Path errors = install.resolve("errors");
    var command = new ArrayList<>(List.of(install.resolve("sportello/sportello").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(errors.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("JAVA_HOME", install.resolve("jdk").toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return new Launch(
        Files.readAllLines(install.resolve("jdk/bin/java.arguments"), StandardCharsets.UTF_8),
        Files.readString(errors));
  }

  /** What the launcher handed {@code java}, and what it printed on err. */
  private record Launch(List<String> javaArguments, String errors) {}
}
