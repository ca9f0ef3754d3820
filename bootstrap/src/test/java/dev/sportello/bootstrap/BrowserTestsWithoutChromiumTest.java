package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** On a machine without Chromium the browser tests are skipped, and the build says so loudly. */
class BrowserTestsWithoutChromiumTest {
  private static final Path NO_DRIVER = Path.of("/nonexistent/chromedriver");

  @TempDir static Path records;

  @Test
  void aMissingDriverIsNamed() {
    assertThat(Chromium.find(Path.of("/bin/sh"), NO_DRIVER).getLeft())
        .isEqualTo("no executable " + NO_DRIVER);
  }

  @Test
  void aBrowserTestClassIsSkippedNotFailedAndTheBuildsWarningNamesItWhyAndTheCure() {
    TestExecutionSummary summary = run(NeedsABrowser.class);

    assertThat(summary.getContainersSkippedCount()).isEqualTo(1);
    assertThat(summary.getTestsFailedCount()).isZero();
    assertThat(NeedsABrowser.opened).isFalse();
    assertThat(SkippedBrowserTests.warning(records).mkString("\n"))
        .contains("THE BROWSER TESTS WERE SKIPPED")
        .contains(NeedsABrowser.class.getName() + ": no executable " + NO_DRIVER)
        .contains("apt-get install -y chromium chromium-driver");
  }

  @Test
  void withEveryBrowserTestRunTheBuildSaysNothing(@TempDir Path noRecords) {
    assertThat(SkippedBrowserTests.warning(noRecords)).isEmpty();
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create(
            // Not the build's own listener, which would forget the records of this run.
            LauncherConfig.builder().enableLauncherSessionListenerAutoRegistration(false).build())
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
            listener);
    return listener.getSummary();
  }

  /** A browser test on a machine whose chromedriver is missing. */
  static class NeedsABrowser {
    static boolean opened;

    @RegisterExtension
    static final ConsoleBrowsers browsers =
        new ConsoleBrowsers(() -> Chromium.find(Path.of("/bin/sh"), NO_DRIVER), records);

    @Test
    void opensTheConsole() {
      opened = true;
    }
  }
}
