package dev.sportello.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.webhook.SendResult.FailureKind;
import org.junit.jupiter.api.Test;

class DestinationTest {
  private static boolean allowed(String url) {
    return Destination.check(url, false).isRight();
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
  void httpsToASharedReservedOrDocumentationAddressIsRefused() {
    assertThat(allowed("https://100.100.100.200/latest/meta-data")).isFalse();
    assertThat(allowed("https://0.1.2.3/hooks")).isFalse();
    assertThat(allowed("https://198.18.0.1/hooks")).isFalse();
    assertThat(allowed("https://192.0.0.170/hooks")).isFalse();
    assertThat(allowed("https://192.0.2.10/hooks")).isFalse();
  }

  @Test
  void httpsToAPrivateIpv4AddressWrittenAsIpv6IsRefused() {
    assertThat(allowed("https://[::ffff:127.0.0.1]/hooks")).isFalse();
    assertThat(allowed("https://[64:ff9b::a9fe:a9fe]/hooks")).isFalse();
    assertThat(allowed("https://[2002:0a00:0001::1]/hooks")).isFalse();
  }

  @Test
  void anAddressThatIsRefusedSaysSoAndOneThatDoesNotResolveSaysThat() {
    assertThat(Destination.check("https://10.1.2.3/hooks", false).getLeft())
        .isEqualTo(FailureKind.REFUSED_ADDRESS);
    assertThat(Destination.check("https://no-such-host.invalid/hooks", false).getLeft())
        .isEqualTo(FailureKind.UNKNOWN_HOST);
  }

  @Test
  void httpsToAPublicAddressIsAllowed() {
    assertThat(allowed("https://203.0.114.10/hooks")).isTrue();
    assertThat(allowed("https://[2001:4860:4860::8888]/hooks")).isTrue();
  }

  @Test
  void privateNetworksCanBeAllowedForHttps() {
    assertThat(Destination.check("https://10.1.2.3/hooks", true).isRight()).isTrue();
    assertThat(Destination.check("http://10.1.2.3/hooks", true).isRight()).isFalse();
  }

  @Test
  void otherSchemesAndAddressesWithCredentialsAreRefused() {
    assertThat(allowed("ftp://127.0.0.1/hooks")).isFalse();
    assertThat(allowed("https://user:pass@192.0.2.10/hooks")).isFalse();
  }
}
