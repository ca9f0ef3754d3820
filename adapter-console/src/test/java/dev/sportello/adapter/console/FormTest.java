package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.RequestId;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FormTest {
  private static final Certificate RESIDENCE = Certificates.residence();
  private static final String FORM = Forms.path(RESIDENCE.id());

  private final TestApplication app = TestApplication.create();
  private final Browser browser = new Browser(app.useCases());

  @BeforeEach
  void signIn() {
    app.visengine().register(RESIDENCE);
    browser.signIn();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void eachPublishedFieldHasAControlLabelledByItsPublishedNameInThePublishedOrder() {
    String page = browser.get(FORM).body();

    assertThat(page)
        .containsSubsequence(
            "<label for=\"field-0\">Cognome</label>",
            "<label for=\"field-1\">Nome</label>",
            "<label for=\"field-2\">Data di nascita</label>",
            "<label for=\"field-3\">Codice Fiscale</label>",
            "<label for=\"field-4\">Copia Mandato</label>");
  }

  @Test
  void eachFieldGetsTheInputOfItsType() {
    String page = browser.get(FORM).body();

    assertThat(page)
        .contains("id=\"field-0\" name=\"$0\" type=\"text\"")
        .contains("id=\"field-2\" name=\"$2\" type=\"date\"")
        .contains(
            "id=\"field-4\" name=\"$4\" type=\"file\""
                + " accept=\"application/pdf,image/jpeg,image/png\"");
  }

  @Test
  void theRuleMarksTheFieldsEveryWayNeedsAndExplainsTheChoice() {
    String page = browser.get(FORM).body();

    assertThat(page)
        .contains("id=\"field-0\" name=\"$0\" type=\"text\" value=\"\" required")
        .doesNotContain("name=\"$3\" type=\"text\" value=\"\" required")
        .contains(
            "To order it, fill in: Cognome, Nome and Data di nascita, and Codice Fiscale — or"
                + " Copia Mandato, for the other alternative.");
  }

  @Test
  void theInstructionsAreTheControlsHelpText() {
    String page = browser.get(FORM).body();

    assertThat(page)
        .contains("aria-describedby=\"field-2-help field-2-message\"")
        .contains("<p class=\"help\" id=\"field-2-help\">La data di nascita</p>");
  }

  @Test
  void theExtrasAreCheckboxesWithTheirPricesAndTheQuoteIsTheDomains() {
    String page = browser.get(FORM).body();

    assertThat(page)
        .contains("type=\"checkbox\" name=\"extras\" value=\"opzione_0\"")
        .contains("Urgent handling (+ €5.00 plus VAT)")
        .containsSubsequence("Document", "€10.00", "VAT", "€2.20", "Total", "€12.20");
  }

  @Test
  void anExtraOfAKindWithoutWordsOfOursIsNamedReadablyFromItsCode() {
    assertThat(browser.get(FORM).body()).contains("Consegna pec (+ €2.00 plus VAT)");
  }

  @Test
  void checkingAsOneTypesPutsEachViolationNextToItsField() {
    browser.get(FORM);

    HttpResponse<String> check =
        browser.postByHtmx(FORM + "/check", person("1990-01-01", Certificates.MARIO_ROSSI));

    assertThat(check.statusCode()).isEqualTo(200);
    assertThat(check.body())
        .doesNotContain("<html")
        .contains(
            "<div id=\"field-3-message\" hx-swap-oob=\"innerHTML\">\n<div data-for=\"field-3\""
                + " data-invalid=\"true\">")
        .contains("The codice fiscale does not agree with the birth date.")
        .contains("data-for=\"field-2\" data-invalid=\"false\"")
        .contains("To correct: Codice Fiscale.");
  }

  @Test
  void checkingAsOneTypesUpdatesTheRegionsInPlaceAndOnlyTheSummaryAnnounces() {
    String page = browser.get(FORM).body();

    HttpResponse<String> check =
        browser.postByHtmx(FORM + "/check", person("1990-01-01", Certificates.MARIO_ROSSI));

    assertThat(page)
        .containsOnlyOnce("aria-live")
        .contains("<div id=\"check-summary\" class=\"check\" role=\"status\" aria-live=\"polite\">")
        .contains("<div id=\"field-3-message\" class=\"messages\">");
    assertThat(check.body())
        .doesNotContain("aria-live")
        .contains("<div id=\"check-summary\" hx-swap-oob=\"innerHTML\">");
  }

  @Test
  void checkingAsOneTypesExplainsWhatTheRuleStillNeeds() {
    browser.get(FORM);

    HttpResponse<String> check = browser.postByHtmx(FORM + "/check", person("1985-12-10", ""));

    assertThat(check.body())
        .contains("Still needed: Codice Fiscale — or Copia Mandato, for the other alternative.");
  }

  @Test
  void checkingAsOneTypesCountsAChosenFileByItsTypeAndSize() {
    browser.get(FORM);
    Map<String, String> filled = person("1985-12-10", "");
    filled.put(Forms.CHOSEN + "$4", "application/pdf;2048");

    HttpResponse<String> check = browser.postByHtmx(FORM + "/check", filled);

    assertThat(check.body()).doesNotContain("Still needed").contains("All is in order");
  }

  @Test
  void checkingAsOneTypesRefusesAFileOfAnotherType() {
    browser.get(FORM);
    Map<String, String> filled = person("1985-12-10", "");
    filled.put(Forms.CHOSEN + "$4", "application/zip;2048");

    HttpResponse<String> check = browser.postByHtmx(FORM + "/check", filled);

    assertThat(check.body())
        .contains("data-for=\"field-4\" data-invalid=\"true\"")
        .contains("Files of this type are not accepted");
  }

  @Test
  void checkingWithoutScriptGivesThePageBackWithTheMessagesAndWhatWasTyped() {
    browser.get(FORM);

    HttpResponse<String> checked =
        browser.post(FORM + "/check", person("1990-01-01", Certificates.MARIO_ROSSI));

    assertThat(checked.statusCode()).isEqualTo(200);
    assertThat(checked.body())
        .contains("<html")
        .contains(
            "id=\"field-3\" name=\"$3\" type=\"text\" value=\"" + Certificates.MARIO_ROSSI + "\"")
        .contains("aria-invalid=\"true\" aria-describedby=\"field-3-message\"")
        .contains("The codice fiscale does not agree");
  }

  @Test
  void theLanguageSwitchOfACheckedPageComesBackToTheCertificatesPage() {
    browser.get(FORM);

    HttpResponse<String> checked =
        browser.post(FORM + "/check", person("1990-01-01", Certificates.MARIO_ROSSI));

    assertThat(Browser.field(checked.body(), "back")).isEqualTo(FORM);
  }

  @Test
  void anOrderGoesToTheNewRequestsPage() {
    browser.get(FORM);

    HttpResponse<String> ordered =
        browser.post(FORM + "/order", person("1985-12-10", Certificates.MARIO_ROSSI));

    assertThat(ordered.statusCode()).isEqualTo(303);
    String location = ordered.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/requests/");
    var stored = app.repository().find(new RequestId(location.substring("/requests/".length())));
    assertThat(stored.get().get().value().caller()).isEqualTo(Browser.ALICE);
  }

  @Test
  void postingTheSameRenderedFormTwiceOrdersOnce() {
    String page = browser.get(FORM).body();
    Map<String, String> filled = person("1985-12-10", Certificates.MARIO_ROSSI);
    filled.put(Forms.KEY_FIELD, Browser.field(page, Forms.KEY_FIELD));

    HttpResponse<String> first = browser.post(FORM + "/order", filled);
    HttpResponse<String> second = browser.post(FORM + "/order", filled);

    assertThat(app.repository().size()).isEqualTo(1);
    assertThat(second.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
  }

  @Test
  void aFormThatPlacedAnOrderSentAgainWithOtherValuesSaysSoAndOrdersNothingMore() {
    String key = Browser.field(browser.get(FORM).body(), Forms.KEY_FIELD);
    Map<String, String> first = person("1985-12-10", Certificates.MARIO_ROSSI);
    first.put(Forms.KEY_FIELD, key);
    String placed =
        browser.post(FORM + "/order", first).headers().firstValue("Location").orElseThrow();
    Map<String, String> changed = new LinkedHashMap<>(first);
    changed.put("extras", "opzione_0");

    HttpResponse<String> again = browser.post(FORM + "/order", changed);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body())
        .contains("This form already placed an order")
        .contains("<a href=\"" + placed + "\">See the order</a>")
        .contains("<a href=\"" + FORM + "\">Start a new form</a>");
    assertThat(Browser.field(again.body(), Forms.KEY_FIELD)).isEqualTo(key);
    assertThat(app.repository().size()).isEqualTo(1);
  }

  @Test
  void aRefusedOrderComesBackWithItsReasonsAndWhatWasTyped() {
    browser.get(FORM);

    HttpResponse<String> refused =
        browser.post(FORM + "/order", person("1990-01-01", Certificates.MARIO_ROSSI));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("value=\"Rossi\"")
        .contains("The codice fiscale does not agree");
    assertThat(app.repository().size()).isZero();
  }

  @Test
  void anOrderWithAFileSendsItAsTheDomainTakesIt() {
    browser.get(FORM);
    byte[] pdf = "%PDF-1.7 mandate".getBytes(StandardCharsets.US_ASCII);

    HttpResponse<String> ordered =
        browser.postWithFile(
            FORM + "/order", person("1985-12-10", ""), "$4", "mandato.pdf", "application/pdf", pdf);

    assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(303);
    assertThat(app.repository().size()).isEqualTo(1);
  }

  @Test
  void anOrderWithAFileOfAnotherTypeIsRefusedAndAsksForTheFilesAgain() {
    browser.get(FORM);

    HttpResponse<String> refused =
        browser.postWithFile(
            FORM + "/order",
            person("1985-12-10", ""),
            "$4",
            "mandato.zip",
            "application/zip",
            new byte[] {1, 2, 3});

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Files of this type are not accepted")
        .contains("Choose the files again");
    assertThat(app.repository().size()).isZero();
  }

  @Test
  void anUnknownCertificateIsAPageNotFound() {
    HttpResponse<String> missing = browser.get(Forms.path("00000000000000000000000000000000"));

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("<h1>Not found</h1>");
  }

  @Test
  void aCertificateThatCannotBeDescribedNowIsAPageSayingSo() {
    app.visengine().failNext(RemoteCallKind.DESCRIBE, new RemoteFailure.Unavailable("down"));

    HttpResponse<String> unavailable = browser.get(Forms.path("00000000000000000000000000000001"));

    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(unavailable.body()).contains("<h1>Not available now</h1>");
  }

  private static Map<String, String> person(String birthDate, String taxCode) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("$0", "Rossi");
    values.put("$1", "Mario");
    values.put("$2", birthDate);
    values.put("$3", taxCode);
    return values;
  }
}
