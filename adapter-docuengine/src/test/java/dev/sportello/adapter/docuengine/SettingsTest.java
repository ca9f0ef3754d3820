package dev.sportello.adapter.docuengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void theHostsAreOpenapisDocuEngineHosts() {
    assertThat(DocuEngineSettings.PRODUCTION)
        .isEqualTo(URI.create("https://docuengine.openapi.com"));
    assertThat(DocuEngineSettings.TEST)
        .isEqualTo(URI.create("https://test.docuengine.openapi.com"));
  }

  @Test
  void theTokenIsNeverShown() {
    DocuEngineSettings settings = DocuEngineSettings.of(DocuEngineSettings.TEST, Stub.TOKEN);

    assertThat(settings.toString())
        .contains("test.docuengine.openapi.com")
        .doesNotContain(Stub.TOKEN);
  }

  @Test
  void aBlankTokenIsRefused() {
    assertThatThrownBy(() -> DocuEngineSettings.of(DocuEngineSettings.TEST, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBaseUrlMustBeHttpWithAHost() {
    assertThatThrownBy(() -> DocuEngineSettings.of(URI.create("ftp://example.com"), Stub.TOKEN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocuEngineSettings.of(URI.create("http:///x"), Stub.TOKEN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timeoutsMustBePositive() {
    DocuEngineSettings settings = DocuEngineSettings.of(DocuEngineSettings.TEST, Stub.TOKEN);

    assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenSupplierThatGivesNothingSendsNothing() {
    DocuEngineAdapter adapter =
        DocuEngineAdapter.create(DocuEngineSettings.of(URI.create("http://127.0.0.1:9"), () -> ""));

    assertThat(adapter.listCertificates().getLeft().message()).contains("nothing was sent");
  }
}
