package dev.sportello.bootstrap;

import io.vavr.collection.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One language's Chromium on the console, used as a person would: controls, buttons and links are
 * found by their accessible names (as Chromium computes them for a screen reader), and every wait
 * is for a condition.
 */
final class ConsoleBrowser {
  static final Duration PATIENCE = Duration.ofSeconds(15);

  private final ChromeDriver driver;
  private final URI console;
  private final BrowserLanguage language;
  private final Path screenshots;
  private final Path downloads;

  ConsoleBrowser(
      ChromeDriver driver,
      URI console,
      BrowserLanguage language,
      Path screenshots,
      Path downloads) {
    this.driver = driver;
    this.console = console;
    this.language = language;
    this.screenshots = screenshots;
    this.downloads = downloads;
  }

  BrowserLanguage language() {
    return language;
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Signs in from the sign-in page with the key, as typed into its field. */
  void signIn(String apiKey) {
    visit("/sign-in");
    type(language.says("Chiave API", "API key"), apiKey);
    button(language.says("Accedi", "Sign in")).click();
  }

  /** Forgets the last test's session and size, and opens the console's first page. */
  void reset() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    visit("/");
    driver.manage().deleteAllCookies();
    visit("/");
  }

  void visit(String path) {
    driver.get(console.resolve(path).toString());
  }

  /** The path of the page shown. */
  String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  String title() {
    return driver.getTitle();
  }

  /** The main heading of the page shown. */
  String heading() {
    return await(page -> page.findElement(By.tagName("h1"))).getText();
  }

  /** The form control whose accessible name is the label. */
  WebElement control(String label) {
    return named("input:not([type=hidden]), select, textarea", label);
  }

  WebElement button(String name) {
    return named("button, input[type=submit]", name);
  }

  /** The link named so: found by its text, then checked to be named so for a screen reader too. */
  WebElement link(String name) {
    return await(page ->
        List.ofAll(page.findElements(By.linkText(name)))
            .find(link -> link.isDisplayed() && name.equals(link.getAccessibleName()))
            .getOrNull());
  }

  private WebElement named(String css, String name) {
    return await(page ->
        List.ofAll(page.findElements(By.cssSelector(css)))
            .find(element -> element.isDisplayed() && name.equals(element.getAccessibleName()))
            .getOrNull());
  }

  /** Types into the control labelled so, after clearing it. */
  WebElement type(String label, String text) {
    WebElement control = control(label);
    control.clear();
    control.sendKeys(text);
    return control;
  }

  /**
   * Types a date into a date field as its digits, day first or month first as the field shows
   * dates: the order follows the system's locale, not the page's language.
   */
  void typeDate(WebElement field, LocalDate date) {
    String day = String.format("%02d", date.getDayOfMonth());
    String month = String.format("%02d", date.getMonthValue());
    String year = String.valueOf(date.getYear());
    for (String digits : List.of(day + month + year, month + day + year)) {
      if (!"".equals(field.getDomProperty("value"))) {
        field.clear();
      }
      field.sendKeys(digits);
      if (date.toString().equals(field.getDomProperty("value"))) {
        return;
      }
    }
    throw new AssertionError("the date field did not take " + date);
  }

  /** The text the control points at with {@code aria-describedby}, once it is invalid. */
  String complaintAbout(WebElement control) {
    await(page -> "true".equals(control.getDomAttribute("aria-invalid")) ? control : null);
    return List.of(describedBy(control).split("\\s+"))
        .filter(id -> !id.isBlank())
        .map(id -> driver.findElement(By.id(id)).getText())
        .mkString(" ");
  }

  private static String describedBy(WebElement control) {
    String ids = control.getDomAttribute("aria-describedby");
    return ids == null ? "" : ids;
  }

  /** The element with keyboard focus after pressing Tab once more. */
  WebElement tab() {
    new Actions(driver).sendKeys(Keys.TAB).perform();
    return driver.switchTo().activeElement();
  }

  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Waits until the element the selector names shows the text. */
  void awaitText(String css, String text) {
    await(page -> page.findElement(By.cssSelector(css)).getText().equals(text));
  }

  /**
   * Marks the page shown, so that {@link #stillTheSamePage} tells whether it was replaced (by a
   * reload or another page) rather than updated in place.
   */
  void markThePage() {
    driver.executeScript("window.sportelloTestMark = true;");
  }

  boolean stillTheSamePage() {
    return Boolean.TRUE.equals(driver.executeScript("return window.sportelloTestMark === true;"));
  }

  /** Scrolls the element to the middle of the window, as one would to look at it. */
  void show(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** Signs in with the key and waits for the catalogue, where the console lands. */
  void signInToTheCatalogue(String apiKey) {
    signIn(apiKey);
    await(page -> path().equals("/catalogue"));
  }

  /** Whether the page fits the window's width, with nothing to scroll sideways. */
  boolean fitsTheWidth() {
    return Boolean.TRUE.equals(
        driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"));
  }

  /** Shows pages as a phone of 390 by 844 CSS pixels would. */
  void asPhone() {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    driver.navigate().refresh();
  }

  /** Waits until the question has an answer other than null or false, and returns it. */
  <T> T await(Function<ChromeDriver, T> question) {
    return new WebDriverWait(driver, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .until(page -> question.apply(driver));
  }

  /** Waits until the page's text contains the words. */
  void awaitText(String words) {
    await(page -> page.findElement(By.tagName("body")).getText().contains(words));
  }

  /** A file the browser has finished downloading, by the end of its name. */
  Path awaitDownload(String suffix) {
    return await(page -> {
      try (Stream<Path> files = Files.list(downloads)) {
        return files
            .filter(file -> file.getFileName().toString().endsWith(suffix))
            .findFirst()
            .orElse(null);
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      }
    });
  }

  /** Writes the page's HTML beside its screenshot, to see why a test failed. */
  void savePage(String name) {
    try {
      Files.createDirectories(screenshots);
      Files.writeString(
          screenshots.resolve(name + "-" + language.code() + ".html"), driver.getPageSource());
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /**
   * Writes what the browser shows to {@code target/screenshots/<test class>/<name>-<language>.png}.
   */
  Path screenshot(String name) {
    try {
      Files.createDirectories(screenshots);
      Path file = screenshots.resolve(name + "-" + language.code() + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
