package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Signing in to the web console, finding a certificate and signing out, in headless Chromium, in
 * each language.
 */
class ConsoleSignInBrowserTest {
  private static final String RESIDENCE = "Certificato di residenza anagrafica";
  private static final String COMPANY_SEARCH = "Visura Camerale Ordinaria con Ricerca";

  @RegisterExtension static final ConsoleBrowsers browsers = new ConsoleBrowsers();
  @TempDir static Path dataDir;

  private static Harness app;

  @BeforeAll
  static void start() {
    app = Harness.start(Harness.environment(dataDir, Map.of()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static ConsoleBrowser browser(BrowserLanguage language) {
    return browsers.open(language, app.service.baseUrl());
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void aVisitorIsAskedForTheApiKeyInTheBrowsersLanguage(BrowserLanguage language) {
    ConsoleBrowser browser = browser(language);

    assertThat(browser.path()).isEqualTo("/sign-in");
    assertThat(browser.heading()).isEqualTo(language.says("Accedi", "Sign in"));
    assertThat(browser.control(language.says("Chiave API", "API key")).getDomAttribute("type"))
        .isEqualTo("password");
    browser.screenshot("sign-in");
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void aWrongKeyIsRefusedWithTheReasonNextToTheField(BrowserLanguage language) {
    ConsoleBrowser browser = browser(language);

    browser.signIn("not-the-key");

    WebElement field = browser.control(language.says("Chiave API", "API key"));
    assertThat(browser.complaintAbout(field))
        .contains(language.says("non è valida", "is not valid"));
    assertThat(browser.path()).isEqualTo("/sign-in");
    browser.screenshot("sign-in-refused");
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void theRightKeyLandsOnTheCatalogue(BrowserLanguage language) {
    ConsoleBrowser browser = browser(language);

    browser.signIn(Harness.API_KEY);

    browser.await(page -> browser.path().equals("/catalogue"));
    assertThat(browser.heading()).isEqualTo(language.says("Catalogo", "Catalogue"));
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void signingOutForgetsTheSession(BrowserLanguage language) {
    ConsoleBrowser browser = browser(language);
    browser.signInToTheCatalogue(Harness.API_KEY);

    browser.button(language.says("Esci", "Sign out")).click();

    browser.await(page -> browser.path().equals("/sign-in"));
    browser.visit("/catalogue");
    assertThat(browser.path()).isEqualTo("/sign-in");
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void theCatalogueIsSearchedByNameAsOneTypes(BrowserLanguage language) {
    ConsoleBrowser browser = browser(language);
    browser.signInToTheCatalogue(Harness.API_KEY);
    browser.link(COMPANY_SEARCH);
    browser.screenshot("catalogue");

    browser.type(language.says("Cerca per nome", "Search by name"), "residenza");

    browser.await(page -> page.findElements(By.linkText(COMPANY_SEARCH)).isEmpty());
    assertThat(browser.link(RESIDENCE).isDisplayed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void theCatalogueFitsAPhonesWidth(BrowserLanguage language) {
    ConsoleBrowser browser = browser(language);
    browser.signInToTheCatalogue(Harness.API_KEY);

    browser.asPhone();

    assertThat(browser.link(RESIDENCE).isDisplayed()).isTrue();
    assertThat(browser.fitsTheWidth()).isTrue();
    browser.screenshot("catalogue-phone");
  }
}
