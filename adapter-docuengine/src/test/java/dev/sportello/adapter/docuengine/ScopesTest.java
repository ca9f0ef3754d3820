package dev.sportello.adapter.docuengine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.openapi.testing.CalledScopes;
import org.junit.jupiter.api.Test;

class ScopesTest {

  @Test
  void theTestScopesAreExactlyThoseOfTheCallsOnTheTestHost() {
    assertThat(DocuEngineSettings.scopes(true))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            CalledScopes.of("test.docuengine.openapi.com", ReadCalls.class, ChangeCalls.class));
  }

  @Test
  void theProductionScopesAreExactlyThoseOfTheCallsOnTheProductionHost() {
    assertThat(DocuEngineSettings.scopes(false))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            CalledScopes.of("docuengine.openapi.com", ReadCalls.class, ChangeCalls.class));
  }
}
