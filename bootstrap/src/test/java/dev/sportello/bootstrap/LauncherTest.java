package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code sportello} launcher stays true to the command line it runs. */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "sportello");
  private static final String COMMANDS = "commands=\"";

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
}
