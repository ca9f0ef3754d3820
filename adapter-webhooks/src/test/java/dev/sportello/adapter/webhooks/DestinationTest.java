package dev.sportello.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DestinationTest {
  private static boolean allowed(String url) {
    return Destination.check(URI.create(url), false).isRight();
  }

  @Test
  void plainHttpIsAllowedToLoopbackOnly() {
    assertThat(allowed("http://127.0.0.1:8080/hooks")).isTrue();
    assertThat(allowed("http://localhost/hooks")).isTrue();
    assertThat(allowed("http://[::1]:9000/hooks")).isTrue();
    assertThat(allowed("http://192.0.2.10/hooks")).isFalse();
    assertThat(allowed("http://hooks.example.com/hooks")).isFalse();
  }

  @Test
  void httpsToALoopbackPrivateOrLinkLocalAddressIsRefused() {
    assertThat(allowed("https://127.0.0.1/hooks")).isFalse();
    assertThat(allowed("https://10.1.2.3/hooks")).isFalse();
    assertThat(allowed("https://192.168.1.1/hooks")).isFalse();
    assertThat(allowed("https://169.254.169.254/latest/meta-data")).isFalse();
    assertThat(allowed("https://[fd00::1]/hooks")).isFalse();
    assertThat(allowed("https://0.0.0.0/hooks")).isFalse();
  }

  @Test
  void httpsToAPublicAddressIsAllowed() {
    assertThat(allowed("https://192.0.2.10/hooks")).isTrue();
  }

  @Test
  void privateNetworksCanBeAllowedForHttps() {
    assertThat(Destination.check(URI.create("https://10.1.2.3/hooks"), true).isRight()).isTrue();
    assertThat(Destination.check(URI.create("http://10.1.2.3/hooks"), true).isRight()).isFalse();
  }

  @Test
  void otherSchemesAndAddressesWithCredentialsAreRefused() {
    assertThat(allowed("ftp://127.0.0.1/hooks")).isFalse();
    assertThat(allowed("https://user:pass@192.0.2.10/hooks")).isFalse();
  }
}
