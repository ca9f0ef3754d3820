package dev.sportello.adapter.visengine;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettingsTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void aRotatedTokenIsUsedFromTheNextCall() {
    server.stubFor(get("/visure").willReturn(Stub.ok("[]")));
    AtomicReference<String> token = new AtomicReference<>("aaaaaaaaaaaaaaaaaaaaaaaa");
    VisengineAdapter adapter =
        Stub.adapter(
            VisengineSettings.of(URI.create(server.baseUrl()), token::get)
                .withUserAgent("sportello-test/1"),
            new Stub.RecordingSleeper());

    adapter.listCertificates();
    token.set("bbbbbbbbbbbbbbbbbbbbbbbb");
    adapter.listCertificates();

    server.verify(
        1,
        getRequestedFor(urlEqualTo("/visure"))
            .withHeader("Authorization", equalTo("Bearer aaaaaaaaaaaaaaaaaaaaaaaa"))
            .withHeader("User-Agent", equalTo("sportello-test/1")));
    server.verify(
        1,
        getRequestedFor(urlEqualTo("/visure"))
            .withHeader("Authorization", equalTo("Bearer bbbbbbbbbbbbbbbbbbbbbbbb")));
  }

  @Test
  void withoutATokenNothingIsSent() {
    VisengineAdapter adapter =
        Stub.adapter(
            VisengineSettings.of(URI.create(server.baseUrl()), () -> " "),
            new Stub.RecordingSleeper());

    assertThat(adapter.listCertificates().getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aBaseUrlWithAPathAndATrailingSlashIsJoinedCleanly() {
    server.stubFor(get("/api/visure").willReturn(Stub.ok("[]")));
    VisengineAdapter adapter = Stub.adapter(server.baseUrl() + "/api/");

    assertThat(adapter.listCertificates().get()).isEmpty();
  }

  @Test
  void settingsNeverShowTheTokenAndRefuseNonsense() {
    VisengineSettings settings = VisengineSettings.of(VisengineSettings.TEST, Stub.TOKEN);

    assertThat(settings.toString())
        .doesNotContain(Stub.TOKEN)
        .contains("test.visengine2.altravia.com");
    assertThat(VisengineSettings.PRODUCTION.toString())
        .isEqualTo("https://visengine2.altravia.com");
    assertThatThrownBy(() -> VisengineSettings.of(URI.create("ftp://example.org"), Stub.TOKEN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VisengineSettings.of(VisengineSettings.TEST, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
