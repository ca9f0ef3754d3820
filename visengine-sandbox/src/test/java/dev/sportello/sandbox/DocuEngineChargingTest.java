package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The charging PATCHes of DocuEngine under the conditions a client meets: two at once, a wallet
 * short of credit, an id that names no request. Each charging step charges once and never twice.
 */
class DocuEngineChargingTest {

  private final SandboxHttp api = SandboxHttp.start();

  @AfterEach
  void stop() {
    api.close();
  }

  /**
   * Sends the same PATCH twice at once: a delay fault holds both calls, then lets them race.
   * Returns both answers, the successful one first.
   */
  private List<Response> twiceAtOnce(String id, String body) {
    Response armed =
        api.post(
            "/_sandbox/faults",
            "{\"route\":\"PATCH /requests/{id}\",\"type\":\"delay\",\"millis\":300,\"times\":2}");
    assertThat(armed.status()).as(armed.raw()).isEqualTo(200);
    CompletableFuture<Response> first =
        CompletableFuture.supplyAsync(() -> api.patch("/requests/" + id, body));
    CompletableFuture<Response> second =
        CompletableFuture.supplyAsync(() -> api.patch("/requests/" + id, body));
    return List.of(first.join(), second.join()).stream()
        .sorted(Comparator.comparingInt(Response::status))
        .toList();
  }

  @Test
  void twoClosesAtOnceChargeOnceAndTheOtherIsRefused() {
    String id = api.draft(SandboxHttp.STATUTO);

    List<Response> answers = twiceAtOnce(id, "{\"state\":\"SEARCH\"}");

    assertThat(answers.get(0).status()).as(answers.get(0).raw()).isEqualTo(200);
    assertThat(answers.get(1).status()).as(answers.get(1).raw()).isEqualTo(400);
    assertThat(answers.get(1).error()).isEqualTo(300);
    assertThat(api.sandbox.chargesFor(id).calls()).isEqualTo(1);
  }

  @Test
  void twoChoicesAtOnceChargeOnceAndTheOtherIsRefused() {
    String id = api.searchEnded();

    List<Response> answers = twiceAtOnce(id, "{\"resultId\":\"" + api.firstResult(id) + "\"}");

    assertThat(answers.get(0).status()).as(answers.get(0).raw()).isEqualTo(200);
    assertThat(answers.get(1).status()).as(answers.get(1).raw()).isEqualTo(422);
    assertThat(answers.get(1).error()).isEqualTo(213);
    assertThat(api.sandbox.chargesFor(id).calls()).isEqualTo(2);
    assertThat(api.sandbox.chargesFor(id).amount()).isEqualByComparingTo("4.5");
  }

  @Test
  void aChoiceWithoutCreditIsRefusedAndTheRequestWaitsInSearch() {
    String id = api.searchEnded();

    Response refused =
        api.withBalance(
            "1",
            () -> api.patch("/requests/" + id, "{\"resultId\":\"" + api.firstResult(id) + "\"}"));

    assertThat(refused.status()).as(refused.raw()).isEqualTo(402);
    assertThat(refused.error()).isEqualTo(610);
    assertThat(api.get("/requests/" + id).data().path("state").asString()).isEqualTo("SEARCH");
    assertThat(api.get("/requests/" + id).data().path("resultId").isNull()).isTrue();
    assertThat(api.sandbox.chargesFor(id).calls()).isEqualTo(1);
  }

  @Test
  void aChoiceRefusedForCreditCanBeMadeAfterToppingUp() {
    String id = api.searchEnded();
    String choice = "{\"resultId\":\"" + api.firstResult(id) + "\"}";
    api.withBalance("1", () -> api.patch("/requests/" + id, choice));

    Response chosen = api.patch("/requests/" + id, choice);

    assertThat(chosen.status()).as(chosen.raw()).isEqualTo(200);
    assertThat(chosen.data().path("state").asString()).isEqualTo("WAIT");
    assertThat(api.sandbox.chargesFor(id).calls()).isEqualTo(2);
    assertThat(api.sandbox.chargesFor(id).amount()).isEqualByComparingTo("4.5");
  }

  @Test
  void aPatchOnAWellFormedIdOfNoRequestIsRefusedAsNotValid() {
    Response refused =
        api.patch("/requests/" + DocuEngineErrorScenarios.UNKNOWN_ID, "{\"state\":\"SEARCH\"}");

    assertThat(refused.status()).as(refused.raw()).isEqualTo(406);
    assertThat(refused.error()).isEqualTo(210);
  }

  @Test
  void aPatchBackToNewIsRefused() {
    String id = api.draft(SandboxHttp.STATUTO);

    Response refused = api.patch("/requests/" + id, "{\"state\":\"NEW\"}");

    assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo(300);
    assertThat(refused.message()).contains("state must be SEARCH");
  }
}
