package dev.sportello.bootstrap;

import static dev.sportello.bootstrap.Harness.MARIO_ROSSI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.WebElement;

/**
 * Ordering from the web console and following the request to its document, in headless Chromium, in
 * each language. The sandbox's operators move only when the test moves its clock, so each status
 * change reaches the open page when the test says.
 */
class ConsoleOrderBrowserTest {
  private static final String RESIDENCE = "Certificato di residenza anagrafica";
  private static final String COMPANY_SEARCH = "Visura Camerale Ordinaria con Ricerca";

  /** A valid tax code of a Mario Rossi born on 1 January 1980, not on 10 December 1985. */
  private static final String BORN_IN_1980 = "RSSMRA80A01A562Y";

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

  private static ConsoleBrowser signedIn(BrowserLanguage language) {
    ConsoleBrowser browser = browsers.open(language, app.service.baseUrl());
    browser.signInToTheCatalogue(Harness.API_KEY);
    return browser;
  }

  private static void openTheForm(ConsoleBrowser browser, String certificate) {
    browser.link(certificate).click();
    browser.await(page -> browser.heading().equals(certificate));
  }

  private static final LocalDate BIRTH_DATE = LocalDate.of(1985, 12, 10);

  private static void fillTheResidenceForm(ConsoleBrowser browser, String taxCode) {
    browser.type("Nome", "Mario");
    browser.type("Cognome", "Rossi");
    browser.typeDate(browser.control("Data di nascita"), BIRTH_DATE);
    browser.type("Comune di residenza", "G702");
    browser.type("Codice Fiscale", taxCode);
  }

  private static String order(ConsoleBrowser browser) {
    browser.button(browser.language().says("Ordina", "Order")).click();
    browser.await(page -> browser.path().startsWith("/requests/"));
    return browser.path().substring("/requests/".length());
  }

  private static void awaitStatus(ConsoleBrowser browser, String status) {
    browser.awaitText("#live .status strong", status);
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void aTaxCodeThatContradictsTheBirthDateIsExplainedNextToItBeforeOrdering(
      BrowserLanguage language) {
    ConsoleBrowser browser = signedIn(language);
    openTheForm(browser, RESIDENCE);

    fillTheResidenceForm(browser, BORN_IN_1980);

    WebElement taxCode = browser.control("Codice Fiscale");
    assertThat(browser.complaintAbout(taxCode))
        .contains(
            language.says(
                "Il codice fiscale non corrisponde alla data di nascita",
                "The codice fiscale does not agree with the birth date"));
    assertThat(browser.path()).startsWith("/certificates/");
    browser.show(taxCode);
    browser.screenshot("form-refused-tax-code");
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void aCorrectedOrderIsFollowedLiveToItsFulfilmentAndItsZipDownloaded(BrowserLanguage language)
      throws IOException {
    ConsoleBrowser browser = signedIn(language);
    openTheForm(browser, RESIDENCE);
    fillTheResidenceForm(browser, BORN_IN_1980);
    WebElement taxCode = browser.control("Codice Fiscale");
    browser.complaintAbout(taxCode);

    browser.type("Codice Fiscale", MARIO_ROSSI);
    browser.await(page -> "false".equals(taxCode.getDomAttribute("aria-invalid")));
    String id = order(browser);
    browser.markThePage();
    app.syncUntil(id, "FULFILLED");

    awaitStatus(browser, language.says("Evasa", "Fulfilled"));
    assertThat(browser.stillTheSamePage()).as("updated without reloading").isTrue();
    WebElement download = browser.link(language.says("Scarica", "Download"));
    browser.show(download);
    browser.screenshot("request-fulfilled");
    download.click();
    Path zip = browser.awaitDownload(".zip");
    assertThat(Harness.zipEntries(Files.readAllBytes(zip)).values())
        .isNotEmpty()
        .allMatch(head -> head.startsWith("%PDF"));
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void aSearchPhaseOrderGoesOnWithTheCandidateChosenFromTheTable(BrowserLanguage language) {
    ConsoleBrowser browser = signedIn(language);
    openTheForm(browser, COMPANY_SEARCH);
    browser.type("Denominazione/Ragione Sociale", "alfa");
    String id = order(browser);

    app.syncUntil(id, "AWAITING_SELECTION");
    browser.button(language.says("Scegli il n. 1", "Choose no. 1")).click();

    browser.awaitText(language.says("Hai scelto il risultato n. 1.", "You chose result no. 1."));
    app.syncUntil(id, "FULFILLED");
    awaitStatus(browser, language.says("Evasa", "Fulfilled"));
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void aRequestIsCancelledWithTheReasonGiven(BrowserLanguage language) {
    ConsoleBrowser browser = signedIn(language);
    openTheForm(browser, RESIDENCE);
    fillTheResidenceForm(browser, MARIO_ROSSI);
    String id = order(browser);

    browser.link(language.says("Annulla questa richiesta…", "Cancel this request…")).click();
    browser.type(
        language.says("Motivo dell'annullamento", "Reason for cancelling"), "Ordered twice");
    browser.button(language.says("Annulla la richiesta", "Cancel the request")).click();

    awaitStatus(browser, language.says("Annullata", "Cancelled"));
    assertThat(app.request(id).path("status").asString()).isEqualTo("CANCELLED");
  }

  @ParameterizedTest
  @EnumSource(BrowserLanguage.class)
  void theOrderFormIsFilledAndOrderedWithTheKeyboardAlone(BrowserLanguage language) {
    ConsoleBrowser browser = signedIn(language);
    openTheForm(browser, RESIDENCE);
    Map<String, String> values =
        Map.of(
            "Nome", "Mario",
            "Cognome", "Rossi",
            "Comune di residenza", "G702",
            "Codice Fiscale", MARIO_ROSSI);
    String orderButton = language.says("Ordina", "Order");
    java.util.List<String> reached = new java.util.ArrayList<>();

    WebElement focused = browser.focused();
    for (int press = 0; press < 40 && !orderButton.equals(focused.getAccessibleName()); press++) {
      focused = browser.tab();
      String name = focused.getAccessibleName();
      // A date field takes Tab once per part of the date: it is filled when first reached.
      if (values.containsKey(name) && !reached.contains(name)) {
        focused.sendKeys(values.get(name));
      } else if ("Data di nascita".equals(name) && !reached.contains(name)) {
        browser.typeDate(focused, BIRTH_DATE);
      }
      reached.add(name);
    }
    assertThat(reached)
        .containsSubsequence(
            "Nome", "Cognome", "Data di nascita", "Comune di residenza", "Codice Fiscale")
        .endsWith(orderButton);
    focused.sendKeys(org.openqa.selenium.Keys.ENTER);

    browser.await(page -> browser.path().startsWith("/requests/"));
  }
}
