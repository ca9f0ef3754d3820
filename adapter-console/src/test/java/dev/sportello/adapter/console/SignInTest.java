package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.TestApplication;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignInTest {
  private final Browser browser = new Browser(TestApplication.create().useCases());

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void theRootSendsAVisitorToTheSignInPage() {
    HttpResponse<String> root = browser.get("/");

    assertThat(root.statusCode()).isEqualTo(303);
    assertThat(root.headers().firstValue("Location")).contains(SignIn.PATH);
  }

  @Test
  void theSignInPageAsksForTheApiKeyByItsLabel() {
    HttpResponse<String> page = browser.get(SignIn.PATH);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("<label for=\"api-key\">API key</label>")
        .contains("<input id=\"api-key\" name=\"apiKey\" type=\"password\"")
        .contains("<button type=\"submit\">Sign in</button>");
  }

  @Test
  void theRightKeyLandsOnTheCatalogue() {
    HttpResponse<String> landing = browser.signIn();

    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.uri().getPath()).isEqualTo(Catalogue.PATH);
    assertThat(landing.body()).contains("Sign out");
  }

  @Test
  void aWrongKeyIsRefusedWithAClearMessage() {
    browser.get(SignIn.PATH);

    HttpResponse<String> refused = browser.post(SignIn.PATH, Map.of("apiKey", "not-a-key"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body())
        .contains("aria-invalid=\"true\"")
        .contains("This API key is not valid.");
    assertThat(browser.cookies()).noneMatch(cookie -> cookie.getName().equals(Cookies.SESSION));
  }
}
