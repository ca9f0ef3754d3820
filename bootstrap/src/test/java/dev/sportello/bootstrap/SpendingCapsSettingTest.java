package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingCaps;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.List;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SPORTELLO_SPENDING_CAPS}, read like every other setting. */
class SpendingCapsSettingTest {
  @TempDir Path directory;

  private static Validation<List<String>, Config> loaded(Map<String, String> environment) {
    return ConfigLoader.load(environment, Option.none());
  }

  @Test
  void withoutTheSettingNoCallerIsCapped() {
    assertThat(loaded(Map.of()).get().spendingCaps()).isEqualTo(SpendingCaps.none());
  }

  @Test
  void eachCallerGetsItsOwnCapsOrEveryCallers() {
    SpendingCaps caps =
        loaded(Map.of("SPORTELLO_SPENDING_CAPS", "alice=50/day,alice=800/month,*=20/day"))
            .get()
            .spendingCaps();

    assertThat(caps.of("alice"))
        .containsExactly(
            new SpendingCap(SpendingPeriod.DAY, Money.ofCents(5000)),
            new SpendingCap(SpendingPeriod.MONTH, Money.ofCents(80000)));
    assertThat(caps.of("bob"))
        .containsExactly(new SpendingCap(SpendingPeriod.DAY, Money.ofCents(2000)));
  }

  @Test
  void theCapsCanBeSetInThePropertiesFile() throws IOException {
    Path file = directory.resolve("sportello.properties");
    Files.writeString(file, "spending.caps=*=12.50/month\n");

    Config config = ConfigLoader.load(Map.of(), Option.some(file)).get();

    assertThat(config.spendingCaps().of("anyone"))
        .containsExactly(new SpendingCap(SpendingPeriod.MONTH, Money.ofCents(1250)));
  }

  @Test
  void aMalformedOrRepeatedEntryStopsTheServiceNamingTheEntry() {
    List<String> problems =
        loaded(Map.of("SPORTELLO_SPENDING_CAPS", "alice=50/week,alice=5/day,alice=6/day"))
            .getError();

    assertThat(problems).hasSize(1);
    assertThat(problems.head())
        .startsWith("SPORTELLO_SPENDING_CAPS=alice=50/week,alice=5/day,alice=6/day (environment): ")
        .contains("\"alice=50/week\": the period is day or month")
        .contains("\"alice=6/day\": alice already has a cap per day");
  }
}
