package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.TestApplication;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssetsTest {
  private final Browser browser = new Browser(TestApplication.create().useCases());

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void htmxIsServedFromItsWebjarByUs() {
    HttpResponse<String> htmx = browser.get("/console/htmx.min.js");

    assertThat(htmx.statusCode()).isEqualTo(200);
    assertThat(htmx.headers().firstValue("Content-Type"))
        .contains("text/javascript; charset=utf-8");
    assertThat(htmx.body()).contains("htmx");
  }

  @Test
  void theStyleSheetAndScriptAreOurOwn() {
    assertThat(browser.get("/console/console.css").headers().firstValue("Content-Type"))
        .contains("text/css; charset=utf-8");
    assertThat(browser.get("/console/console.js").body()).contains("htmx:configRequest");
    assertThat(browser.get("/console/sse.js").statusCode()).isEqualTo(200);
  }

  @Test
  void anAssetSetsNoCookie() {
    HttpResponse<String> css = browser.get("/console/console.css");

    assertThat(css.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void anUnknownAssetIsAnHtmlPageNotFound() {
    HttpResponse<String> missing = browser.get("/console/missing.js");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
  }
}
