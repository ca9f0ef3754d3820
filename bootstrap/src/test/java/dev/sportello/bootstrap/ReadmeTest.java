package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The README's configuration table stays true to the code. */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  @ParameterizedTest
  @EnumSource(Setting.class)
  void theReadmeListsEverySettingWithItsFileNameAndDefault(Setting setting) throws IOException {
    String row =
        "| `"
            + setting.variable()
            + "` | `"
            + setting.property()
            + "` | "
            + (setting.defaultValue().isEmpty() ? "" : "`" + setting.defaultValue() + "`")
            + " | ";

    assertThat(Files.readString(README).lines()).anyMatch(line -> line.startsWith(row));
  }
}
