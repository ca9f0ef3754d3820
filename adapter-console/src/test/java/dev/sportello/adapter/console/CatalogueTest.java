package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.TestApplication;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogueTest {
  private final TestApplication app = TestApplication.create();
  private final Browser browser = new Browser(app.useCases());

  @BeforeEach
  void signIn() {
    app.visengine().register(Certificates.residence()).register(Certificates.companySearch());
    browser.signIn();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void theCertificatesAreGroupedByCategory() {
    String page = browser.get(Catalogue.PATH).body();

    assertThat(page)
        .containsSubsequence(
            "<h2>Anagrafe</h2>",
            "Certificato di residenza anagrafica",
            "<h2>Camerali</h2>",
            "Ricerca imprese");
  }

  @Test
  void eachCertificateIsALinkNamedByItsNameToItsForm() {
    String page = browser.get(Catalogue.PATH).body();

    assertThat(page)
        .contains(
            "<a href=\"/certificates/69663cda34a03ef7efc253262baea547\">"
                + "Certificato di residenza anagrafica</a>");
  }

  @Test
  void eachCertificateShowsItsPriceWithVatAndWhetherItSearchesFirst() {
    String page = browser.get(Catalogue.PATH).body();

    assertThat(page)
        .containsSubsequence(
            "Certificato di residenza anagrafica", "€12.20 VAT included", "No search phase")
        .containsSubsequence("Ricerca imprese", "€8.54 VAT included", "With a search phase");
  }

  @Test
  void theSearchByNameWorksAsAPlainForm() {
    String page = browser.get(Catalogue.PATH + "?q=residenza").body();

    assertThat(page)
        .contains("Certificato di residenza anagrafica")
        .doesNotContain("Ricerca imprese")
        .contains("value=\"residenza\"")
        .contains("1 certificate");
  }

  @Test
  void theSearchAsOneTypesGetsOnlyTheResults() {
    HttpResponse<String> results =
        browser.send(
            HttpRequest.newBuilder(browser.uri(Catalogue.PATH + "?q=imprese"))
                .header("HX-Request", "true")
                .GET());

    assertThat(results.body().strip())
        .startsWith("<p id=\"catalogue-count\" hx-swap-oob=\"innerHTML\">")
        .doesNotContain("id=\"catalogue-results\"")
        .contains("Ricerca imprese")
        .doesNotContain("residenza");
  }

  @Test
  void aSearchThatFindsNothingSaysSo() {
    assertThat(browser.get(Catalogue.PATH + "?q=nessuno").body())
        .contains("No certificate has this name.");
  }
}
