package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Input the adapter refuses itself: always a 4xx problem, never a 500, never reaching a use case.
 */
class BadInputTest {
  private static final String VALIDATION =
      "/api/v1/certificates/" + Fixtures.CERTIFICATE_ID + "/validation";

  private final Harness api = new Harness(settings -> settings.withMaxBodyBytes(4096));

  @AfterEach
  void stop() {
    api.close();
  }

  private Harness.Reply postRaw(String path, String contentType, String body) {
    return api.send(
        api.as(Harness.ALICE_KEY, path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void assertProblem(Harness.Reply reply, int status, String code) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.json().get("code").asString()).isEqualTo(code);
    assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void malformedJson() {
    var reply = postRaw(VALIDATION, "application/json", "{\"values\": {\"$0\": ");

    assertProblem(reply, 400, "invalid_input");
    assertThat(reply.json().get("violations").get(0).get("code").asString())
        .isEqualTo("malformed_json");
    verifyNoInteractions(api.validate);
  }

  @Test
  void malformedJsonIsNotEchoed() {
    var reply = postRaw(VALIDATION, "application/json", "{\"values\": {\"$0\": RSSMRA80A01H501U}}");

    assertProblem(reply, 400, "invalid_input");
    assertThat(reply.text()).doesNotContain("RSSMRA");
  }

  @Test
  void trailingContent() {
    assertProblem(postRaw(VALIDATION, "application/json", "{} {}"), 400, "invalid_input");
  }

  @Test
  void duplicateKeys() {
    assertProblem(
        postRaw(VALIDATION, "application/json", "{\"values\": {\"$0\": \"a\", \"$0\": \"b\"}}"),
        400,
        "invalid_input");
  }

  @Test
  void notAnObject() {
    assertProblem(postRaw(VALIDATION, "application/json", "[1, 2]"), 400, "invalid_input");
    assertProblem(postRaw(VALIDATION, "application/json", "null"), 400, "invalid_input");
    assertProblem(postRaw(VALIDATION, "application/json", ""), 400, "invalid_input");
  }

  @Test
  void wrongTypes() {
    var reply = postRaw(VALIDATION, "application/json", "{\"values\": {\"$0\": {\"nested\": 1}}}");

    assertProblem(reply, 400, "invalid_input");
    assertThat(reply.json().get("violations").get(0).get("field").asString())
        .isEqualTo("values.$0");
    assertThat(reply.json().get("violations").get(0).get("code").asString())
        .isEqualTo("wrong_type");
  }

  @Test
  void nullValues() {
    var reply =
        postRaw(VALIDATION, "application/json", "{\"values\": {\"$0\": null, \"$1\": null}}");

    assertProblem(reply, 400, "invalid_input");
    assertThat(reply.json().get("violations")).hasSize(2);
  }

  @Test
  void unknownFields() {
    var reply =
        postRaw(VALIDATION, "application/json", "{\"values\": {}, \"notifyMail\": \"a@b.c\"}");

    assertProblem(reply, 400, "invalid_input");
    var violation = reply.json().get("violations").get(0);
    assertThat(violation.get("field").asString()).isEqualTo("notifyMail");
    assertThat(violation.get("code").asString()).isEqualTo("unknown_field");
  }

  @Test
  void wrongContentType() {
    assertProblem(postRaw(VALIDATION, "text/plain", "{}"), 415, "unsupported_media_type");
    assertProblem(
        postRaw(VALIDATION, "application/x-www-form-urlencoded", "values=1"),
        415,
        "unsupported_media_type");
    assertProblem(
        api.send(
            api.as(Harness.ALICE_KEY, VALIDATION).POST(HttpRequest.BodyPublishers.ofString("{}"))),
        415,
        "unsupported_media_type");
  }

  @Test
  void jsonWithACharsetIsFine() {
    var reply = postRaw(VALIDATION, "application/json; charset=utf-8", "{\"bogus\": 1}");

    assertProblem(reply, 400, "invalid_input");
  }

  @Test
  void oversizedBodies() {
    String big = "{\"values\": {\"$0\": \"" + "x".repeat(5000) + "\"}}";

    assertProblem(postRaw(VALIDATION, "application/json", big), 413, "content_too_large");
    verifyNoInteractions(api.validate);
  }

  @Test
  void oversizedChunkedBodies() {
    byte[] big =
        ("{\"values\": {\"$0\": \"" + "x".repeat(5000) + "\"}}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var reply =
        api.send(
            api.as(Harness.ALICE_KEY, VALIDATION)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big))));

    assertProblem(reply, 413, "content_too_large");
  }

  @Test
  void unknownAddresses() {
    assertProblem(api.get("/api/v1/nothing-here"), 404, "not_found");
    assertProblem(api.get("/elsewhere"), 404, "not_found");
  }

  @Test
  void wrongMethods() {
    var reply =
        api.send(
            api.as(Harness.ALICE_KEY, "/api/v1/certificates")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));

    assertThat(reply.status()).isIn(404, 405);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aStrayPercentInTheAddress() throws java.io.IOException {
    String answer =
        api.raw(
            "GET /api/v1/certificates/;% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer "
                + Harness.ALICE_KEY
                + "\r\n\r\n");

    assertThat(Harness.status(answer)).as(answer).isEqualTo(400);
    assertThat(Harness.header(answer, "Content-Type")).startsWith("application/problem+json");
    assertThat(answer).contains("\"malformed_path\"");
    verifyNoInteractions(api.describe);
  }

  @Test
  void bodiesSentWithGetsAreReadPastAndTheConnectionCarriesTheNextRequest()
      throws java.io.IOException {
    org.mockito.Mockito.when(api.get.get(org.mockito.ArgumentMatchers.any()))
        .thenReturn(
            io.vavr.control.Either.left(
                new dev.sportello.application.port.in.UseCaseError.NotFound("no request")));
    String auth = "Authorization: Bearer " + Harness.ALICE_KEY + "\r\n";

    String answers =
        api.raw(
            "GET /api/v1/requests/first HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + auth
                + "Content-Length: 5\r\n\r\nhello"
                + "GET /api/v1/requests/second HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + auth
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
                + "GET /api/v1/requests/third HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + auth
                + "Connection: close\r\n\r\n");

    assertThat(answers.split("HTTP/1.1 404 ", -1)).as(answers).hasSize(4);
    assertThat(answers).contains("/api/v1/requests/first", "/api/v1/requests/third");
  }

  @Test
  void badPathIds() {
    var control = api.get("/api/v1/certificates/%00%01");
    assertThat(control.status()).isIn(400, 404);
    assertThat(control.header("Content-Type")).startsWith("application/problem+json");
    org.mockito.Mockito.when(api.get.get(org.mockito.ArgumentMatchers.any()))
        .thenReturn(
            io.vavr.control.Either.left(
                new dev.sportello.application.port.in.UseCaseError.NotFound("no request")));
    assertProblem(api.get("/api/v1/requests/..%2F..%2Fetc"), 404, "not_found");
    assertProblem(api.get("/api/v1/certificates/" + "a".repeat(65)), 404, "not_found");
  }
}
