package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.MutableClock;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.domain.field.ValuePolicy;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityTest {
  private static final String FORM = Forms.path("69663cda34a03ef7efc253262baea547");
  private static final String BACK_TO_FORM =
      SignIn.PATH + "?next=%2Fcertificates%2F69663cda34a03ef7efc253262baea547";

  private final MutableClock now = MutableClock.atTestEpoch();
  private final Browser browser =
      new Browser(
          TestApplication.create().useCases(),
          settings ->
              new ConsoleSettings(
                  settings.apiKeys(),
                  Duration.ofMinutes(30),
                  2,
                  settings.refusedSignInDelay(),
                  settings.files()),
          now);

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void everyPageHasAStrictContentSecurityPolicy() {
    for (String path : List.of("/sign-in", "/nowhere-under/console/x", "/console/console.css")) {
      HttpResponse<String> page = browser.get(path.replace("/nowhere-under", ""));

      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .contains(
              "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                  + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    }
  }

  @Test
  void thePagesHaveNoInlineScriptOrStyle() {
    String page = browser.signIn().body();

    assertThat(page).doesNotContain("<script>").doesNotContain("style=").doesNotContain("<style");
    assertThat(page).contains("<meta name=\"htmx-config\"").contains("\"allowEval\": false");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndLaxAndHoldsNoKey() {
    browser.get(SignIn.PATH);

    HttpResponse<String> signedIn = browser.post(SignIn.PATH, Map.of("apiKey", Browser.ALICE_KEY));

    String cookie = sessionCookie(signedIn);
    assertThat(cookie)
        .contains("; Path=/; HttpOnly; SameSite=Lax")
        .doesNotContain("Secure")
        .doesNotContain(Browser.ALICE_KEY);
  }

  @Test
  void theSessionCookieIsSecureBehindAnHttpsProxy() {
    browser.get(SignIn.PATH);

    HttpResponse<String> signedIn =
        browser.post(
            SignIn.PATH,
            Map.of("apiKey", Browser.ALICE_KEY, "csrf", browser.csrf()),
            "Origin",
            browser.uri("").toString(),
            "X-Forwarded-Proto",
            "https");

    assertThat(sessionCookie(signedIn)).endsWith("; Secure");
  }

  @Test
  void aPostWithoutTheTokenIsRefused() {
    browser.signIn();

    HttpResponse<String> refused = browser.postExactly(SignIn.SIGN_OUT, Map.of());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(browser.get(Catalogue.PATH).statusCode()).isEqualTo(200);
  }

  @Test
  void aPostWithAnotherSessionsTokenIsRefused() {
    browser.signIn();

    HttpResponse<String> refused =
        browser.postExactly(SignIn.SIGN_OUT, Map.of("csrf", "A".repeat(43)));

    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void aPostFromAnotherSiteIsRefusedEvenWithTheToken() {
    browser.signIn();

    HttpResponse<String> refused =
        browser.post(
            SignIn.SIGN_OUT, Map.of("csrf", browser.csrf()), "Origin", "https://attacker.example");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("came from another site");
  }

  @Test
  void signingOutForgetsTheSession() {
    browser.signIn();

    HttpResponse<String> out = browser.post(SignIn.SIGN_OUT, Map.of());

    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Location")).contains(SignIn.PATH);
    assertThat(browser.get(Catalogue.PATH).headers().firstValue("Location"))
        .contains(SignIn.PATH + "?next=%2Fcatalogue");
  }

  @Test
  void aSessionIdleTooLongEnds() {
    browser.signIn();

    now.advance(Duration.ofMinutes(31));

    assertThat(browser.get(Catalogue.PATH).statusCode()).isEqualTo(303);
  }

  @Test
  void aSessionInUseLasts() {
    browser.signIn();
    now.advance(Duration.ofMinutes(20));
    browser.get(Catalogue.PATH);

    now.advance(Duration.ofMinutes(20));

    assertThat(browser.get(Catalogue.PATH).statusCode()).isEqualTo(200);
  }

  @Test
  void theSignedOutAreSentToSignInFromEveryPageOfTheirs() {
    HttpResponse<String> form = browser.get(FORM);

    assertThat(form.statusCode()).isEqualTo(303);
    assertThat(form.headers().firstValue("Location")).contains(BACK_TO_FORM);
  }

  @Test
  void anHtmxRequestOfTheSignedOutIsToldWhereToGo() {
    HttpResponse<String> check =
        browser.send(
            HttpRequest.newBuilder(browser.uri(Catalogue.PATH)).header("HX-Request", "true").GET());

    assertThat(check.statusCode()).isEqualTo(204);
    assertThat(check.headers().firstValue("HX-Redirect"))
        .contains(SignIn.PATH + "?next=%2Fcatalogue");
  }

  @Test
  void aSessionIdleTooLongSendsItsPostToSignInSayingSoAndBackToItsPage() {
    browser.signIn();
    browser.get(FORM);
    now.advance(Duration.ofMinutes(31));

    HttpResponse<String> order = browser.post(FORM + "/order", Map.of());

    assertThat(order.headers().firstValue("Location")).contains(BACK_TO_FORM + "&ended=true");
  }

  @Test
  void anHtmxCheckOfASessionIdleTooLongIsToldToSignInAgain() {
    browser.signIn();
    now.advance(Duration.ofMinutes(31));

    HttpResponse<String> check = browser.postByHtmx(FORM + "/check", Map.of());

    assertThat(check.headers().firstValue("HX-Redirect")).contains(BACK_TO_FORM + "&ended=true");
  }

  @Test
  void theSignInPageSaysTheSessionEnded() {
    HttpResponse<String> page = browser.get(SignIn.PATH + "?next=%2Fcatalogue&ended=true");

    assertThat(page.body()).contains("Your session ended");
  }

  @Test
  void signingInAgainComesBackToThePageOneWasOn() {
    String page = browser.get(BACK_TO_FORM).body();

    HttpResponse<String> signedIn =
        browser.post(
            SignIn.PATH,
            Map.of("apiKey", Browser.ALICE_KEY, SignIn.NEXT, Browser.field(page, SignIn.NEXT)));

    assertThat(signedIn.headers().firstValue("Location"))
        .contains("/certificates/69663cda34a03ef7efc253262baea547");
  }

  @Test
  void signingInComesBackOnlyToOurOwnPages() {
    browser.get(SignIn.PATH);

    HttpResponse<String> signedIn =
        browser.post(
            SignIn.PATH, Map.of("apiKey", Browser.ALICE_KEY, SignIn.NEXT, "//attacker.example/x"));

    assertThat(signedIn.headers().firstValue("Location")).contains(SignIn.HOME);
  }

  @Test
  void aPostOfTheSignedOutIsAnsweredWithoutReadingItsBody() {
    String answer =
        browser.postHeadAlone(
            FORM + "/order",
            "Content-Type: multipart/form-data; boundary=x",
            "Content-Length: 1000000");

    assertThat(answer).startsWith("HTTP/1.1 303").contains("Location: " + SignIn.PATH);
  }

  @Test
  void aPostLargerThanTheLargestFormIsRefusedBeforeItIsRead() {
    browser.signIn();

    String answer =
        browser.postHeadAlone(
            FORM + "/order",
            "Cookie: " + Cookies.SESSION + "=" + sessionId(),
            "Content-Type: multipart/form-data; boundary=x",
            "Content-Length: " + (Forms.maxPostBytes(ValuePolicy.defaults()) + 1));

    assertThat(answer).startsWith("HTTP/1.1 413");
  }

  @Test
  void aFileLargerThanThePolicyAllowsIsRefusedWhileItIsRead() {
    try (Browser small =
        new Browser(
            TestApplication.create().useCases(),
            settings -> settings.withFiles(new ValuePolicy(1024, HashSet.of("application/pdf"))),
            now)) {
      small.signIn();

      HttpResponse<String> refused =
          small.postWithFile(
              FORM + "/order", Map.of(), "$4", "mandato.pdf", "application/pdf", new byte[2048]);

      assertThat(refused.statusCode()).isEqualTo(413);
      assertThat(refused.body()).contains("larger than allowed");
    }
  }

  @Test
  void behindAProxyAPostFromTheConfiguredPublicOriginIsTaken() {
    try (Browser proxied = behindAProxy()) {
      proxied.get(SignIn.PATH);

      HttpResponse<String> signedIn =
          proxied.post(
              SignIn.PATH,
              Map.of("apiKey", Browser.ALICE_KEY, "csrf", proxied.csrf()),
              "Origin",
              "https://console.example");

      assertThat(signedIn.statusCode()).isEqualTo(303);
    }
  }

  @Test
  void behindAProxyAPostFromAnyOtherOriginIsRefused() {
    try (Browser proxied = behindAProxy()) {
      proxied.get(SignIn.PATH);

      HttpResponse<String> refused = proxied.post(SignIn.PATH, Map.of("apiKey", Browser.ALICE_KEY));

      assertThat(refused.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void theLanguageSwitchComesBackOnlyToOurOwnPages() {
    browser.get(SignIn.PATH);

    HttpResponse<String> away =
        browser.post(SignIn.LANGUAGE, Map.of("language", "it", "back", "//attacker.example/x"));

    assertThat(away.headers().firstValue("Location")).contains("/");
  }

  /** The console seen by browsers at https://console.example, whatever Host its proxy sends. */
  private Browser behindAProxy() {
    return new Browser(
        TestApplication.create().useCases(),
        settings -> settings.withPublicOrigin(URI.create("https://console.example")),
        now);
  }

  private String sessionId() {
    return browser.cookies().stream()
        .filter(cookie -> cookie.getName().equals(Cookies.SESSION))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(Cookies.SESSION + "="))
        .findFirst()
        .orElseThrow();
  }
}
