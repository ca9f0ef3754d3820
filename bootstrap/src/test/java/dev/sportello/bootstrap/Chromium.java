package dev.sportello.bootstrap;

import io.vavr.collection.List;
import io.vavr.control.Either;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * The system's Chromium and its chromedriver, named by path so that no test tool looks for (or
 * downloads) a browser of its own: with the driver's path given, Selenium Manager never runs.
 */
record Chromium(Path browser, Path driver) {
  static final Path DEBIAN_BROWSER = Path.of("/usr/bin/chromium");
  static final Path DEBIAN_DRIVER = Path.of("/usr/bin/chromedriver");
  static final String INSTALL = "apt-get install -y chromium chromium-driver";

  /** Bounds every start, stop and command, so that a stuck browser fails a test, not the build. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * Without the networking flags Chromium floods a closed network with refused connections; the
   * sandbox cannot start as root in a container.
   */
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage");

  /**
   * The browser and driver named by the system properties {@code sportello.chromium} and {@code
   * sportello.chromedriver}, or Debian's.
   */
  static Either<String, Chromium> installed() {
    return find(
        Path.of(System.getProperty("sportello.chromium", DEBIAN_BROWSER.toString())),
        Path.of(System.getProperty("sportello.chromedriver", DEBIAN_DRIVER.toString())));
  }

  /** Both programs, or which of them cannot run. */
  static Either<String, Chromium> find(Path browser, Path driver) {
    List<String> missing =
        List.of(browser, driver).filter(path -> !Files.isExecutable(path)).map(Path::toString);
    return missing.isEmpty()
        ? Either.right(new Chromium(browser, driver))
        : Either.left("no executable " + missing.mkString(" or "));
  }

  /**
   * A headless Chromium that speaks the language (an ISO 639-1 code) first, saves downloads in the
   * directory and shows pages at the size given.
   */
  ChromeDriver launch(String language, Path downloads, int width, int height) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .withTimeout(PATIENCE)
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments(FLAGS.asJava());
    options.addArguments("--lang=" + language, "--window-size=" + width + "," + height);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "intl.accept_languages",
            language,
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    options.setPageLoadTimeout(PATIENCE);
    options.setScriptTimeout(PATIENCE);
    return new ChromeDriver(
        service, options, ClientConfig.defaultConfig().readTimeout(PATIENCE.multipliedBy(2)));
  }
}
