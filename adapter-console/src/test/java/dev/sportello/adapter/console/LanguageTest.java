package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.TestApplication;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LanguageTest {
  private final TestApplication app = TestApplication.create();
  private final Browser browser = new Browser(app.useCases());

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void theBrowsersLanguageChoosesThePages() {
    String page =
        browser
            .send(
                HttpRequest.newBuilder(browser.uri(SignIn.PATH))
                    .header("Accept-Language", "it-IT,it;q=0.9,en;q=0.8")
                    .GET())
            .body();

    assertThat(page)
        .contains("<html lang=\"it\">")
        .contains("<label for=\"api-key\">Chiave API</label>")
        .contains("aria-pressed=\"true\">Italiano");
  }

  @Test
  void aLanguageNeitherOfOursFallsBackToEnglish() {
    assertThat(Language.preferred("de-DE,de;q=0.9")).isEqualTo(Language.EN);
    assertThat(Language.preferred("de, it;q=0.5")).isEqualTo(Language.IT);
    assertThat(Language.preferred("not a header;;")).isEqualTo(Language.EN);
  }

  @Test
  void theSwitchKeepsTheChosenLanguageAndComesBack() {
    browser.get(SignIn.PATH);

    var switched = browser.post(SignIn.LANGUAGE, Map.of("language", "it", "back", SignIn.PATH));

    assertThat(switched.statusCode()).isEqualTo(303);
    assertThat(switched.headers().firstValue("Location")).contains(SignIn.PATH);
    assertThat(browser.get(SignIn.PATH).body()).contains("<html lang=\"it\">");
  }

  @Test
  void theRuleIsExplainedInItalianToo() {
    app.visengine().register(Certificates.residence());
    browser.signIn();
    browser.post(SignIn.LANGUAGE, Map.of("language", "it", "back", "/"));
    String form = Forms.path(Certificates.residence().id());
    browser.get(form);
    Map<String, String> filled = new LinkedHashMap<>();
    filled.put("$0", "Rossi");
    filled.put("$1", "Mario");
    filled.put("$2", "1990-01-01");
    filled.put("$3", Certificates.MARIO_ROSSI);

    String check = browser.postByHtmx(form + "/check", filled).body();

    assertThat(check).contains("Il codice fiscale non corrisponde alla data di nascita.");
    filled.put("$3", "");
    assertThat(browser.postByHtmx(form + "/check", filled).body())
        .contains(
            "Mancano ancora: Codice Fiscale — oppure Copia Mandato, per l'altra alternativa.");
  }

  @Test
  void everyErrorPageHasItsWordsInBothLanguages() {
    for (Language language : Language.values()) {
      for (int status : ErrorPages.KNOWN) {
        assertThat(Text.of(language).find("error." + status + ".title"))
            .as("%s %s", language, status)
            .isNotEmpty();
        assertThat(Text.of(language).find("error." + status))
            .as("%s %s", language, status)
            .isNotEmpty();
      }
    }
  }

  @Test
  void bothBundlesHaveTheSameKeysButForTheDomainsViolations() {
    ResourceBundle.Control exact =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    var english =
        ResourceBundle.getBundle(
            "dev.sportello.adapter.console.messages", Language.EN.locale(), exact);
    var italian =
        ResourceBundle.getBundle(
            "dev.sportello.adapter.console.messages", Language.IT.locale(), exact);

    assertThat(italian.keySet().stream().filter(key -> !key.startsWith("violation.")))
        .containsExactlyInAnyOrderElementsOf(
            english.keySet().stream().filter(key -> !key.startsWith("violation.")).toList());
    assertThat(italian.keySet()).containsAll(english.keySet());
  }
}
