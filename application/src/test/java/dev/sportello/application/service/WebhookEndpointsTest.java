package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.EndpointWithSecret;
import dev.sportello.application.port.in.RegisterEndpointCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.WebhookEndpointUseCase;
import dev.sportello.application.port.out.StoredEndpoint;
import dev.sportello.application.testing.InMemoryWebhookStore;
import dev.sportello.application.testing.MutableClock;
import dev.sportello.application.testing.RecordingWebhookSender;
import dev.sportello.application.testing.SequentialWebhookSecrets;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.webhook.WebhookSecret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookEndpointsTest {
  private final MutableClock clock = MutableClock.atTestEpoch();
  private final InMemoryWebhookStore store = new InMemoryWebhookStore();
  private final WebhookEndpointUseCase endpoints =
      WebhookUseCases.create(
              store,
              new RecordingWebhookSender(),
              new SequentialWebhookSecrets(),
              clock,
              WebhookSettings.defaults())
          .endpoints();

  private EndpointWithSecret register(String caller, String url) {
    return right(endpoints.register(new RegisterEndpointCommand(caller, url)));
  }

  private java.util.List<String> refusal(String url) {
    UseCaseError error = left(endpoints.register(new RegisterEndpointCommand("alice", url)));
    assertThat(error).isInstanceOf(UseCaseError.InvalidInput.class);
    return ((UseCaseError.InvalidInput) error).violations().map(Violation::code).toJavaList();
  }

  private StoredEndpoint stored(String caller) {
    return right(store.endpoint(caller)).get();
  }

  @Test
  void aRegisteredEndpointShowsItsNewSecretOnceAndIsReadWithoutIt() {
    EndpointWithSecret registered = register("alice", "https://hooks.example/sportello");

    assertThat(registered.secret().value()).startsWith("whsec_");
    assertThat(registered.secret().key()).hasSize(32);
    assertThat(registered.endpoint().url()).isEqualTo("https://hooks.example/sportello");
    assertThat(registered.endpoint().createdAt()).isEqualTo(clock.instant());
    assertThat(right(endpoints.endpoint("alice"))).isEqualTo(registered.endpoint());
    assertThat(stored("alice").secret()).isEqualTo(registered.secret());
  }

  @Test
  void anotherCallerHasNoEndpoint() {
    register("alice", "https://hooks.example/sportello");

    assertThat(left(endpoints.endpoint("bob"))).isInstanceOf(UseCaseError.NotFound.class);
  }

  @Test
  void registeringAgainReplacesTheEndpointAndKeepsTheFormerSecretSigningThroughTheOverlap() {
    EndpointWithSecret first = register("alice", "https://hooks.example/one");

    EndpointWithSecret second = register("alice", "https://hooks.example/two");

    assertThat(second.secret()).isNotEqualTo(first.secret());
    assertThat(stored("alice").signingSecrets(clock.instant()))
        .containsExactly(second.secret(), first.secret());
    assertThat(stored("alice").signingSecrets(clock.instant().plus(Duration.ofHours(24))))
        .containsExactly(second.secret());
    assertThat(right(endpoints.endpoint("alice")).url()).isEqualTo("https://hooks.example/two");
  }

  @Test
  void aHostWrittenAsAPrivateLinkLocalOrReservedAddressIsRefused() {
    assertThat(refusal("https://10.0.0.5/in")).containsExactly("url_not_allowed");
    assertThat(refusal("https://172.16.0.1/in")).containsExactly("url_not_allowed");
    assertThat(refusal("https://192.168.1.1/in")).containsExactly("url_not_allowed");
    assertThat(refusal("https://169.254.169.254/latest")).containsExactly("url_not_allowed");
    assertThat(refusal("https://100.100.100.200/latest")).containsExactly("url_not_allowed");
    assertThat(refusal("https://0.0.0.0/in")).containsExactly("url_not_allowed");
    assertThat(refusal("https://[::ffff:127.0.0.1]/in")).containsExactly("url_not_allowed");
    assertThat(refusal("https://[fd00::1]/in")).containsExactly("url_not_allowed");
    register("alice", "https://203.0.114.10/in");
  }

  @Test
  void anAddressInAnUnusualFormOrAPortOutOfRangeIsRefused() {
    assertThat(refusal("https://2130706433/in")).containsExactly("malformed_url");
    assertThat(refusal("https://0x7f.1/in")).containsExactly("malformed_url");
    assertThat(refusal("https://127.000.000.001/in")).containsExactly("malformed_url");
    assertThat(refusal("https://hooks.example:99999/in")).containsExactly("malformed_url");
    assertThat(refusal("https://hooks.example:0/in")).containsExactly("malformed_url");
    register("alice", "https://hooks.example:8443/in");
  }

  @Test
  void plainHttpIsAcceptedOnlyToALoopbackHost() {
    register("a", "http://localhost:8080/hooks");
    register("b", "http://127.0.0.1:9000/hooks");
    register("c", "http://[::1]/hooks");

    assertThat(refusal("http://hooks.example/in")).containsExactly("url_scheme_not_allowed");
    assertThat(refusal("ftp://hooks.example/in")).containsExactly("url_scheme_not_allowed");
  }

  @Test
  void aUrlWithCredentialsAndAFragmentIsRefusedWithEveryProblem() {
    assertThat(refusal("http://user:secret@hooks.example/in#top"))
        .containsExactly("url_scheme_not_allowed", "url_with_credentials", "url_with_fragment");
  }

  @Test
  void aMalformedRelativeOrOverlongUrlIsRefused() {
    assertThat(refusal("not a url")).containsExactly("malformed_url");
    assertThat(refusal("/hooks")).containsExactly("malformed_url");
    assertThat(refusal("https://hooks.example/" + "a".repeat(EndpointService.MAX_URL_LENGTH)))
        .containsExactly("url_too_long");
  }

  @Test
  void removingTheEndpointAnswersItOnceThenNotFound() {
    EndpointWithSecret registered = register("alice", "https://hooks.example/sportello");

    assertThat(right(endpoints.remove("alice"))).isEqualTo(registered.endpoint());

    assertThat(left(endpoints.remove("alice"))).isInstanceOf(UseCaseError.NotFound.class);
    assertThat(right(store.endpoint("alice"))).isEmpty();
  }

  @Test
  void aRotatedOutSecretKeepsSigningAlongsideTheNewOneForTheOverlap() {
    EndpointWithSecret registered = register("alice", "https://hooks.example/sportello");
    clock.advance(Duration.ofHours(1));

    EndpointWithSecret rotated = right(endpoints.rotateSecret("alice"));

    WebhookSecret old = registered.secret();
    assertThat(rotated.secret()).isNotEqualTo(old);
    assertThat(rotated.endpoint().secretCreatedAt()).isEqualTo(clock.instant());
    assertThat(rotated.endpoint().createdAt()).isEqualTo(registered.endpoint().createdAt());
    assertThat(stored("alice").signingSecrets(clock.instant()))
        .containsExactly(rotated.secret(), old);
    assertThat(stored("alice").signingSecrets(clock.instant().plus(Duration.ofHours(24))))
        .containsExactly(rotated.secret());
  }

  @Test
  void rotatingWithoutAnEndpointIsNotFound() {
    assertThat(left(endpoints.rotateSecret("alice"))).isInstanceOf(UseCaseError.NotFound.class);
  }
}
