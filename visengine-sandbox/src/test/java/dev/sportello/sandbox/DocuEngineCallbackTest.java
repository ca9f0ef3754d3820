package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DocuEngine's callbacks: {@code {<field>: <request>}} as JSON to the registered URL, with the
 * registered headers, on every change after the draft. Waiting for a delivery uses a generous
 * timeout, never an assertion on timing.
 */
class DocuEngineCallbackTest {

  private final SandboxHttp api = SandboxHttp.start();
  private final CallbackReceiver receiver = new CallbackReceiver();

  @AfterEach
  void stop() {
    receiver.close();
    api.close();
  }

  private String callback(String method, String field) {
    return ("\"callback\":{\"url\":\"%s\",\"field\":\"%s\",\"method\":\"%s\","
            + "\"headers\":{\"%s\":\"t-42\"},\"data\":{\"order\":7}}")
        .formatted(receiver.url(), field, method, CallbackReceiver.HEADER);
  }

  @Test
  void postsTheRequestUnderDataWithTheRegisteredHeadersOnEveryChange() throws Exception {
    String id =
        api.request(
            "{\"documentId\":\"%s\",\"search\":{\"field0\":\"%s\"},%s}"
                .formatted(SandboxHttp.STATUTO, SandboxHttp.COMPANY_VAT, callback("POST", "data")));

    CallbackReceiver.Received waiting = receiver.next();
    assertThat(waiting.contentType()).startsWith("application/json");
    assertThat(waiting.header()).hasValue("t-42");
    JsonNode request = Json.read(waiting.body()).path("data");
    assertThat(request.path("id").asString()).isEqualTo(id);
    assertThat(request.path("state").asString()).isEqualTo("WAIT");
    assertThat(request.at("/callback/headers/X-Order-Token").asString()).isEqualTo("t-42");
    assertThat(request.at("/callback/data/order").asInt()).isEqualTo(7);

    api.sandbox.advance(Duration.ofMinutes(1));
    CallbackReceiver.Received done = receiver.next();
    assertThat(Json.read(done.body()).at("/data/state").asString()).isEqualTo("DONE");
    assertThat(done.header()).hasValue("t-42");
  }

  @Test
  void aDraftIsAnnouncedOnlyOnceItIsClosed() throws Exception {
    String id =
        api.request(
            "{\"documentId\":\"%s\",\"state\":\"NEW\",\"search\":{\"field0\":\"%s\"},%s}"
                .formatted(SandboxHttp.STATUTO, SandboxHttp.COMPANY_VAT, callback("JSON", "x")));
    api.patch("/requests/" + id, "{\"state\":\"SEARCH\"}");

    JsonNode first = Json.read(receiver.next().body());
    assertThat(first.at("/data/state").asString()).isEqualTo("WAIT");
    assertThat(first.at("/data/timestamps/NEW").isNumber()).isTrue();
  }

  @Test
  void theSearchEndingIsAnnouncedWhileTheRequestStaysInSearch() throws Exception {
    api.request(
        "{\"documentId\":\"%s\",\"search\":{\"field0\":\"%s\"},%s}"
            .formatted(
                SandboxHttp.BILANCIO_OTTICO, SandboxHttp.COMPANY_VAT, callback("POST", "payload")));

    JsonNode searching = Json.read(receiver.next().body()).path("payload");
    assertThat(searching.path("results").isNull()).isTrue();
    api.sandbox.advance(Duration.ofMinutes(1));
    JsonNode found = Json.read(receiver.next().body()).path("payload");
    assertThat(found.path("state").asString()).isEqualTo("SEARCH");
    assertThat(found.path("results")).hasSize(3);
  }
}
