package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeTest {

  @Test
  void aRouteNeedsItsMethodHostAndFirstPathSegment() {
    assertThat(Scope.ofRoute("test.visengine2.altravia.com", "PUT /richiesta/{id}/ricerche"))
        .hasToString("PUT:test.visengine2.altravia.com/richiesta");
    assertThat(Scope.ofRoute("test.docuengine.openapi.com", "GET /documents"))
        .hasToString("GET:test.docuengine.openapi.com/documents");
  }

  @Test
  void readsBackWhatItPrints() {
    assertThat(Scope.parse("*:*.openapi.com/*")).hasValue(new Scope("*", "*.openapi.com", "*"));
  }

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource(
      textBlock =
          """
          GET:test.visengine2.altravia.com/visure, GET:test.visengine2.altravia.com/visure,   true
          GET:test.visengine2.altravia.com/visure, POST:test.visengine2.altravia.com/visure,  false
          GET:test.visengine2.altravia.com/visure, GET:visengine2.altravia.com/visure,        false
          GET:test.visengine2.altravia.com/visure, GET:test.visengine2.altravia.com/visurex,  false
          *:test.visengine2.altravia.com/visure,   DELETE:test.visengine2.altravia.com/visure, true
          GET:*.altravia.com/visure,               GET:test.visengine2.altravia.com/visure,   true
          GET:*.openapi.com/visure,                GET:test.visengine2.altravia.com/visure,   false
          GET:test.docuengine.openapi.com/req*,    GET:test.docuengine.openapi.com/requests,  true
          GET:test.docuengine.openapi.com/req*,    GET:test.docuengine.openapi.com/documents, false
          GET:test.docuengine.openapi.com/.*,      GET:test.docuengine.openapi.com/requests,  false
          """)
  void coversTheScopesItsWildcardsMatch(String held, String needed, boolean covers) {
    assertThat(Scope.parse(held).orElseThrow().covers(Scope.parse(needed).orElseThrow()))
        .isEqualTo(covers);
  }
}
