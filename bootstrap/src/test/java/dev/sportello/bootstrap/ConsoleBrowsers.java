package dev.sportello.bootstrap;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Headless Chromium for a test class: one browser per language, started when a test first asks for
 * it and quit after the class. Without Chromium the class is skipped, and the build says so.
 * Register it with {@code @RegisterExtension static final ConsoleBrowsers browsers = new
 * ConsoleBrowsers();}.
 */
final class ConsoleBrowsers implements ExecutionCondition, TestWatcher, AfterAllCallback {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final int WIDTH = 1024;
  static final int HEIGHT = 768;

  private final Map<BrowserLanguage, Launched> open = new EnumMap<>(BrowserLanguage.class);
  private final Supplier<Either<String, Chromium>> installed;
  private final Path skipRecords;
  private Optional<Chromium> chromium = Optional.empty();
  private String testClass = "";

  ConsoleBrowsers() {
    this(Chromium::installed, SkippedBrowserTests.DIRECTORY);
  }

  ConsoleBrowsers(Supplier<Either<String, Chromium>> installed, Path skipRecords) {
    this.installed = installed;
    this.skipRecords = skipRecords;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isPresent()) {
      return ConditionEvaluationResult.enabled("Chromium was found for the class");
    }
    testClass = context.getRequiredTestClass().getName();
    return installed
        .get()
        .peek(found -> chromium = Optional.of(found))
        .fold(
            missing -> {
              SkippedBrowserTests.record(skipRecords, testClass, missing);
              return ConditionEvaluationResult.disabled(
                  "Browser tests skipped: " + missing + "; install with: " + Chromium.INSTALL);
            },
            found -> ConditionEvaluationResult.enabled("Chromium: " + found.browser()));
  }

  /**
   * The browser of this language, signed out and at its usual size, showing the console's first
   * page.
   */
  ConsoleBrowser open(BrowserLanguage language, URI console) {
    Launched launched = open.computeIfAbsent(language, this::launch);
    ConsoleBrowser browser =
        new ConsoleBrowser(
            launched.driver(), console, language, screenshots(), launched.downloads());
    browser.reset();
    return browser;
  }

  private record Launched(ChromeDriver driver, Path downloads) {}

  private Launched launch(BrowserLanguage language) {
    Chromium found =
        chromium.orElseThrow(() -> new IllegalStateException("the class was not checked"));
    try {
      Path downloads = Files.createTempDirectory("console-downloads-" + language.code());
      return new Launched(found.launch(language.code(), downloads, WIDTH, HEIGHT), downloads);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private Path screenshots() {
    return SCREENSHOTS.resolve(testClass.substring(testClass.lastIndexOf('.') + 1));
  }

  /** What each browser showed when a test failed, to see why. */
  @Override
  public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
    String test = context.getRequiredTestMethod().getName();
    open.forEach((language, launched) -> {
      ConsoleBrowser browser =
          new ConsoleBrowser(
              launched.driver(),
              URI.create("about:blank"),
              language,
              screenshots(),
              launched.downloads());
      browser.screenshot("FAILED-" + test);
      browser.savePage("FAILED-" + test);
    });
  }

  @Override
  public void afterAll(ExtensionContext context) {
    open.values().forEach(launched -> launched.driver().quit());
    open.clear();
  }
}
