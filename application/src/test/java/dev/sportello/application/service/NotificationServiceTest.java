package dev.sportello.application.service;

import static dev.sportello.application.service.Upstream.open;
import static dev.sportello.application.service.Upstream.stored;
import static dev.sportello.application.service.Upstream.upstreamId;
import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {
  private final TestApplication app =
      TestApplication.builder().webhookBaseUrl("https://hooks.example/notify").build();
  private final NotificationTokens tokens = new NotificationTokens(TestApplication.SECRET);

  @Test
  void aValidTokenReReadsTheRequestFromUpstream() {
    CertificateRequest request = open(app, "r1", "alice", TestData.certificate());
    app.visengine().advance(upstreamId(request), RequestStatus.FULFILLED);

    CertificateRequest handled =
        right(app.useCases().handleNotification().handle(tokens.tokenFor(request.id())));

    assertThat(handled.status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(app.useCases().remoteCalls().get(RemoteCallKind.STATUS)).contains(1L);
    assertThat(stored(app, request).document()).isNotEmpty();
  }

  @Test
  void aForgedTokenNamesNothingAndCostsNoCall() {
    open(app, "r1", "alice", TestData.certificate());

    assertThat(left(app.useCases().handleNotification().handle("r1.AAAAAAAAAAAAAAAAAAAAAAAAAAA")))
        .isInstanceOf(UseCaseError.NotFound.class);
    assertThat(app.calls().total()).isZero();
  }

  @Test
  void aTokenAlteredToNameAnotherRequestNamesNothing() {
    CertificateRequest first = open(app, "r1", "alice", TestData.certificate());
    open(app, "r2", "alice", TestData.certificate());
    String token = tokens.tokenFor(first.id());

    assertThat(left(app.useCases().handleNotification().handle("r2" + token.substring(2))))
        .isInstanceOf(UseCaseError.NotFound.class);
    assertThat(app.calls().total()).isZero();
  }

  @Test
  void aTokenSpelledDifferentlyInItsUnusedBitsNamesNothing() {
    CertificateRequest request = open(app, "r1", "alice", TestData.certificate());
    String token = tokens.tokenFor(request.id());
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char last = token.charAt(token.length() - 1);
    // Twenty bytes leave the last character's two low bits unused by the decoder.
    char sameBytes = alphabet.charAt(alphabet.indexOf(last) ^ 1);
    String respelled = token.substring(0, token.length() - 1) + sameBytes;

    assertThat(java.util.Base64.getUrlDecoder().decode(respelled.substring(3)))
        .isEqualTo(java.util.Base64.getUrlDecoder().decode(token.substring(3)));
    assertThat(left(app.useCases().handleNotification().handle(respelled)))
        .isInstanceOf(UseCaseError.NotFound.class);
    assertThat(app.calls().total()).isZero();
  }
}
