package dev.sportello.adapter.visengine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.openapi.testing.CalledScopes;
import org.junit.jupiter.api.Test;

class ScopesTest {

  @Test
  void theTestScopesAreExactlyThoseOfTheCallsOnTheTestHost() {
    assertThat(VisengineSettings.scopes(true))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            CalledScopes.of("test.visengine2.altravia.com", ReadCalls.class, ChangeCalls.class));
  }

  @Test
  void theProductionScopesAreExactlyThoseOfTheCallsOnTheProductionHost() {
    assertThat(VisengineSettings.scopes(false))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            CalledScopes.of("visengine2.altravia.com", ReadCalls.class, ChangeCalls.class));
  }
}
