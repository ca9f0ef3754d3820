package dev.sportello.adapter.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteFailure.Refusal;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FailuresTest {
  /** An engine that knows one code of its own, 42, meaning the document is not ready. */
  private final Failures failures =
      new Failures(
          "engine",
          (status, code, message) ->
              "42".equals(code) ? Option.some(new RemoteFailure.NotReady(message)) : Option.none());

  @Test
  void theEnginesOwnCodeDecidesBeforeTheStatus() {
    assertThat(failures.answered(400, "42", "not yet", Failures.Effect.READ))
        .isEqualTo(new RemoteFailure.NotReady("not yet"));
  }

  @Test
  void whatTheEngineDoesNotKnowIsReadByItsStatus() {
    assertThat(failures.answered(402, "99", "pay", Failures.Effect.CHANGE))
        .isEqualTo(new RemoteFailure.InsufficientCredit("pay"));
    assertThat(failures.answered(404, null, "gone", Failures.Effect.READ))
        .isEqualTo(new RemoteFailure.NotFound("gone"));
    assertThat(failures.answered(409, null, "busy", Failures.Effect.CHANGE))
        .isEqualTo(new RemoteFailure.Conflict("http_409", "busy"));
    assertThat(failures.answered(422, "99", "bad", Failures.Effect.CHANGE))
        .isEqualTo(new RemoteFailure.Rejected(Refusal.INVALID, "99", "bad"));
    assertThat(failures.answered(428, null, "more", Failures.Effect.CHANGE))
        .isEqualTo(new RemoteFailure.Rejected(Refusal.INCOMPLETE, "http_428", "more"));
    assertThat(failures.answered(418, null, "odd", Failures.Effect.CHANGE))
        .isEqualTo(new RemoteFailure.Rejected(Refusal.UNSPECIFIED, "http_418", "odd"));
  }

  @Test
  void aServerErrorIsUnavailableForAReadAndOfUnknownOutcomeForAChange() {
    assertThat(failures.answered(503, null, "down", Failures.Effect.READ))
        .isEqualTo(new RemoteFailure.Unavailable("down"));
    assertThat(failures.answered(503, null, "down", Failures.Effect.CHANGE))
        .isEqualTo(new RemoteFailure.OutcomeUnknown("down"));
  }

  @Test
  void anAnswerOutsideTheEnvelopeNeverReachedTheApi() {
    UpstreamAnswer page =
        new AnswerDecoder(JsonMapper.builder().build(), Clock.systemUTC(), true)
            .fromBody(404, "<html><p>Not here</p></html>".getBytes(StandardCharsets.UTF_8));

    assertThat(failures.of(page, Failures.Effect.CHANGE))
        .isEqualTo(new RemoteFailure.Unavailable("HTTP 404: Not here"));
  }

  private Either<RemoteFailure, String> aChangeThatThrows(RuntimeException thrown) {
    return failures.call(
        RemoteCallKind.CLOSE,
        Failures.Effect.CHANGE,
        () -> {
          throw thrown;
        });
  }

  @Test
  void aCallWithoutATokenSendsNothing() {
    Either<RemoteFailure, String> result =
        aChangeThatThrows(new MissingToken("the token supplier gave no token"));

    assertThat(result.getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(result.getLeft().message()).startsWith("nothing was sent");
  }

  @Test
  void aChangeThatCouldNotConnectIsUnavailableButOneUnansweredIsOfUnknownOutcome() {
    Either<RemoteFailure, String> refused =
        aChangeThatThrows(new UncheckedIOException(new ConnectException("refused")));
    Either<RemoteFailure, String> unanswered =
        aChangeThatThrows(new UncheckedIOException(new HttpTimeoutException("late")));

    assertThat(refused.getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(unanswered.getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);
  }

  @Test
  void anAccountThatHoldsNothingListsNothing() {
    assertThat(
            failures.<String>listing(
                RemoteCallKind.LIST, () -> Either.left(new RemoteFailure.NotFound("none"))))
        .isEqualTo(Either.right(List.empty()));
    assertThat(
            failures.<String>listing(
                RemoteCallKind.LIST, () -> Either.left(new RemoteFailure.Unavailable("down"))))
        .isEqualTo(Either.left(new RemoteFailure.Unavailable("down")));
  }
}
