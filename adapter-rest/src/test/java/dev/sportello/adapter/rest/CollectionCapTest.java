package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.ValidateSubmissionCommand;
import dev.sportello.application.port.in.ValidationReport;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The number of values and extras in one body is capped before anything is built from them, on
 * every route that takes values: a body with tens of thousands of entries is refused, not worked
 * through.
 */
class CollectionCapTest {
  private static final String VALIDATION =
      "/api/v1/certificates/" + Fixtures.CERTIFICATE_ID + "/validation";
  private static final int MANY = 40_000;

  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  private static String values(int count, String value) {
    return IntStream.range(0, count)
        .mapToObj(i -> "\"$" + i + "\": " + value)
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String extras(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "\"opzione_" + i + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static void assertRefused(Harness.Reply reply, String subject, String code) {
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("code").asString()).isEqualTo("invalid_input");
    var violations = reply.json().get("violations");
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).get("field").asString()).isEqualTo(subject);
    assertThat(violations.get(0).get("code").asString()).isEqualTo(code);
  }

  @Test
  void tensOfThousandsOfValuesAreRefusedBeforeValidation() {
    var reply = api.post(VALIDATION, "{\"values\": " + values(MANY, "\"x\"") + "}");

    assertRefused(reply, "values", "too_many_values");
    verifyNoInteractions(api.validate);
  }

  @Test
  void tensOfThousandsOfNullValuesAreRefusedAsTooMany() {
    var reply = api.post(VALIDATION, "{\"values\": " + values(MANY, "null") + "}");

    assertRefused(reply, "values", "too_many_values");
    verifyNoInteractions(api.validate);
  }

  @Test
  void tensOfThousandsOfExtrasAreRefusedBeforeValidation() {
    var reply = api.post(VALIDATION, "{\"extras\": " + extras(MANY) + "}");

    assertRefused(reply, "extras", "too_many_extras");
    verifyNoInteractions(api.validate);
  }

  @Test
  void anOrderWithTooManyValuesIsRefusedBeforeItIsSubmitted() {
    var reply =
        api.send(
            api.as(Harness.ALICE_KEY, "/api/v1/requests")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "caps-1")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"certificateId\": \""
                            + Fixtures.CERTIFICATE_ID
                            + "\", \"values\": "
                            + values(Bodies.MAX_VALUES + 1, "\"x\"")
                            + "}")));

    assertRefused(reply, "values", "too_many_values");
    verifyNoInteractions(api.submit);
  }

  @Test
  void aSearchWithTooManyValuesIsRefusedBeforeItIsAdded() {
    var reply =
        api.post(
            "/api/v1/requests/r-1/searches",
            "{\"values\": " + values(Bodies.MAX_VALUES + 1, "\"x\"") + "}");

    assertRefused(reply, "values", "too_many_values");
    verifyNoInteractions(api.addSearch);
  }

  @Test
  void valuesNestedDeeperDoNotCountTowardsTheCap() {
    var reply =
        api.post(
            VALIDATION,
            "{\"reference\": " + values(Bodies.MAX_VALUES + 1, "\"x\"") + ", \"values\": {}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("violations")).hasSize(1);
    assertThat(reply.json().get("violations").get(0).get("code").asString())
        .isEqualTo("wrong_type");
    assertThat(reply.text()).doesNotContain("too_many");
  }

  @Test
  void exactlyAsManyValuesAndExtrasAsTheCapsAllowReachTheUseCase() {
    when(api.validate.validate(any()))
        .thenReturn(
            Either.right(new ValidationReport(List.empty(), Option.some(Fixtures.quote()), false)));

    var reply =
        api.post(
            VALIDATION,
            "{\"values\": "
                + values(Bodies.MAX_VALUES, "\"x\"")
                + ", \"extras\": "
                + extras(Bodies.MAX_EXTRAS)
                + "}");

    assertThat(reply.status()).isEqualTo(200);
    var command = ArgumentCaptor.forClass(ValidateSubmissionCommand.class);
    verify(api.validate).validate(command.capture());
    assertThat(command.getValue().input().values()).hasSize(Bodies.MAX_VALUES);
    assertThat(command.getValue().input().extras()).hasSize(Bodies.MAX_EXTRAS);
  }
}
