package dev.sportello.adapter.visengine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Reads the catalogue from Openapi's test host. Runs only when {@code VISENGINE_TEST_TOKEN} holds a
 * token for {@code test.visengine2.altravia.com}, and never in CI. It only reads: no request is
 * created, so nothing is charged even on a misconfigured host.
 */
@EnabledIfEnvironmentVariable(named = "VISENGINE_TEST_TOKEN", matches = ".+")
@DisabledIfEnvironmentVariable(named = "CI", matches = ".+")
class VisengineLiveTest {

  @Test
  void readsTheTestHostsCatalogue() {
    String token = System.getenv("VISENGINE_TEST_TOKEN");
    VisengineAdapter adapter =
        VisengineAdapter.create(VisengineSettings.of(VisengineSettings.TEST, () -> token));

    List<CatalogEntry> entries = adapter.listCertificates().get();
    assertThat(entries).isNotEmpty();

    Certificate described = adapter.describe(entries.head().id()).get();
    assertThat(described.id()).isEqualTo(entries.head().id());
  }
}
