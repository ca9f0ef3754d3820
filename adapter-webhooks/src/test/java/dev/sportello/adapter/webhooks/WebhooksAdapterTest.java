package dev.sportello.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.webhooks.receiver.StandardWebhooksVerifier;
import dev.sportello.adapter.webhooks.receiver.WebhookReceiver;
import dev.sportello.adapter.webhooks.receiver.WebhookReceiver.Answer;
import dev.sportello.application.port.out.WebhookSecrets;
import dev.sportello.application.port.out.WebhookSender;
import dev.sportello.application.port.out.WebhookTarget;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.SendResult.FailureKind;
import dev.sportello.domain.webhook.WebhookEvent;
import dev.sportello.domain.webhook.WebhookMessage;
import dev.sportello.domain.webhook.WebhookSecret;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhooksAdapterTest {
  private static final WebhookSecrets SECRETS = WebhooksAdapter.secrets();
  private static final Instant HAPPENED = Instant.parse("2026-12-06T10:15:30Z");
  private static final RequestId REQUEST = new RequestId("req_0123456789abcdef");

  private final WebhookSecret secret = SECRETS.next();
  private final WebhookSender sender =
      WebhooksAdapter.create(
          WebhooksSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(1500)));
  private WebhookReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = WebhookReceiver.start().trust(secret.value());
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private static WebhookMessage statusChanged() {
    return new WebhookMessage(
        "msg_2kNsCwQAoZ7pYbRk",
        HAPPENED,
        new WebhookEvent.StatusChanged(
            REQUEST,
            "acme",
            Option.some(RequestStatus.PROCESSING),
            RequestStatus.FULFILLED,
            HAPPENED));
  }

  private WebhookTarget target(URI url) {
    return new WebhookTarget(url.toString(), List.of(secret));
  }

  @Test
  void theSpecificationsTestVectorIsSignedAsTheReferenceLibrariesSignIt() {
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    String header =
        Signature.header(
            List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            body);

    assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    assertThat(
            StandardWebhooksVerifier.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "1614265330",
                body))
        .isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void aMessageArrivesAsSignedJsonWithTheStandardHeadersAndIsDelivered() {
    Instant sentAt = Instant.now();

    SendResult result = sender.send(target(receiver.url()), statusChanged(), sentAt);

    assertThat(result).isEqualTo(new SendResult.Delivered(200));
    WebhookReceiver.Received message = receiver.received().getFirst();
    assertThat(message.problem()).isEmpty();
    assertThat(message.id()).isEqualTo("msg_2kNsCwQAoZ7pYbRk");
    assertThat(message.timestamp()).isEqualTo(Long.toString(sentAt.getEpochSecond()));
    assertThat(message.contentType()).isEqualTo("application/json");
    assertThat(message.userAgent()).startsWith("Sportello-Webhooks/");
    JsonNode body = JsonMapper.builder().build().readTree(message.body());
    assertThat(body.path("type").asString()).isEqualTo("request.status_changed");
    assertThat(body.path("timestamp").asString()).isEqualTo("2026-12-06T10:15:30Z");
    assertThat(body.path("data").path("requestId").asString()).isEqualTo(REQUEST.value());
    assertThat(body.path("data").path("from").asString()).isEqualTo("PROCESSING");
    assertThat(body.path("data").path("to").asString()).isEqualTo("FULFILLED");
    assertThat(body.path("data").path("at").asString()).isEqualTo("2026-12-06T10:15:30Z");
  }

  @Test
  void theFirstStatusHasNoPreviousOne() {
    var accepted =
        new WebhookMessage(
            "msg_first",
            HAPPENED,
            new WebhookEvent.StatusChanged(
                REQUEST, "acme", Option.none(), RequestStatus.ACCEPTED, HAPPENED));

    sender.send(target(receiver.url()), accepted, Instant.now());

    JsonNode data =
        JsonMapper.builder().build().readTree(receiver.received().getFirst().body()).path("data");
    assertThat(data.has("from")).isTrue();
    assertThat(data.path("from").isNull()).isTrue();
    assertThat(data.path("to").asString()).isEqualTo("ACCEPTED");
  }

  @Test
  void aReadyDocumentIsDescribedByItsNameSizeAndDigest() {
    var ready =
        new WebhookMessage(
            "msg_ready",
            HAPPENED,
            new WebhookEvent.DocumentReady(
                REQUEST,
                "acme",
                RequestStatus.FULFILLED,
                new DocumentRef("certificate.zip", 1234, "ab".repeat(32)),
                HAPPENED));

    sender.send(target(receiver.url()), ready, Instant.now());

    JsonNode body = JsonMapper.builder().build().readTree(receiver.received().getFirst().body());
    assertThat(body.path("type").asString()).isEqualTo("request.document_ready");
    assertThat(body.path("data").path("status").asString()).isEqualTo("FULFILLED");
    assertThat(body.path("data").path("document").path("name").asString())
        .isEqualTo("certificate.zip");
    assertThat(body.path("data").path("document").path("sizeBytes").asLong()).isEqualTo(1234);
    assertThat(body.path("data").path("document").path("sha256").asString())
        .isEqualTo("ab".repeat(32));
  }

  @Test
  void withTwoActiveSecretsAReceiverHoldingEitherOneVerifiesTheMessage() throws IOException {
    WebhookSecret former = SECRETS.next();
    try (WebhookReceiver stillOnTheFormer = WebhookReceiver.start().trust(former.value())) {
      var both = List.of(secret, former);

      sender.send(
          new WebhookTarget(receiver.url().toString(), both), statusChanged(), Instant.now());
      sender.send(
          new WebhookTarget(stillOnTheFormer.url().toString(), both),
          statusChanged(),
          Instant.now());

      assertThat(receiver.received().getFirst().signature().split(" ")).hasSize(2);
      assertThat(receiver.received().getFirst().problem()).isEmpty();
      assertThat(stillOnTheFormer.received().getFirst().problem()).isEmpty();
    }
  }

  @Test
  void aReceiverWithAnotherSecretDoesNotVerifyTheMessage() throws IOException {
    try (WebhookReceiver other = WebhookReceiver.start().trust(SECRETS.next().value())) {
      SendResult result = sender.send(target(other.url()), statusChanged(), Instant.now());

      assertThat(other.received().getFirst().problem()).contains("no v1 signature matches");
      assertThat(result).isEqualTo(new SendResult.Rejected(401));
    }
  }

  @Test
  void anAnswerOutside2xxIsRejectedWithItsStatus() {
    receiver.script(Answer.status(500), Answer.status(410));

    assertThat(sender.send(target(receiver.url()), statusChanged(), Instant.now()))
        .isEqualTo(new SendResult.Rejected(500));
    assertThat(sender.send(target(receiver.url()), statusChanged(), Instant.now()))
        .isEqualTo(new SendResult.Rejected(410));
  }

  @Test
  void aRedirectIsNeverFollowed() throws IOException {
    try (WebhookReceiver elsewhere = WebhookReceiver.start().trust(secret.value())) {
      receiver.script(new Answer(307, Duration.ZERO, Optional.of(elsewhere.url().toString())));

      SendResult result = sender.send(target(receiver.url()), statusChanged(), Instant.now());

      assertThat(result).isEqualTo(new SendResult.Rejected(307));
      assertThat(elsewhere.received()).isEmpty();
    }
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeTimesOut() {
    receiver.script(new Answer(200, Duration.ofSeconds(5), Optional.empty()));
    long started = System.nanoTime();

    SendResult result = sender.send(target(receiver.url()), statusChanged(), Instant.now());

    assertThat(result).isEqualTo(new SendResult.Failed(FailureKind.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aPortNobodyListensOnRefusesTheConnection() throws IOException {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }

    SendResult result =
        sender.send(
            target(URI.create("http://127.0.0.1:" + closed + "/hooks")),
            statusChanged(),
            Instant.now());

    assertThat(result).isEqualTo(new SendResult.Failed(FailureKind.CONNECTION_REFUSED));
  }

  @Test
  void plainHttpToAHostOtherThanLoopbackIsRefusedBeforeConnecting() {
    // 0.0.0.0 reaches this machine's listeners, but it is not a loopback address.
    URI wildcard = URI.create("http://0.0.0.0:" + receiver.url().getPort() + "/hooks");

    SendResult result = sender.send(target(wildcard), statusChanged(), Instant.now());

    assertThat(result).isEqualTo(new SendResult.Failed(FailureKind.REFUSED_ADDRESS));
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void httpsToALoopbackAddressIsRefusedBeforeConnecting() {
    URI loopback = URI.create("https://127.0.0.1:" + receiver.url().getPort() + "/hooks");

    SendResult result = sender.send(target(loopback), statusChanged(), Instant.now());

    assertThat(result).isEqualTo(new SendResult.Failed(FailureKind.REFUSED_ADDRESS));
    assertThat(receiver.received()).isEmpty();
  }
}
