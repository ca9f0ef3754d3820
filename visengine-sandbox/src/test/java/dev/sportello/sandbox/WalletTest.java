package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each call costs, and what happens when the credit is short. */
class WalletTest {

  private final SandboxHttp api =
      SandboxHttp.start(
          SandboxSettings.defaults()
              .withInitialBalance(new BigDecimal("100"))
              .withStepDelay(java.time.Duration.ofMinutes(1)));

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void closingChargesTheDocumentPlusTheChosenExtras() {
    String id =
        api.create(
            SandboxHttp.A2_APPLICATION,
            RequestLifecycleTest.a2Fields(true),
            "\"opzioni\":{\"opzione_0\":true,\"opzione_1\":true}");

    assertThat(api.sandbox.chargesFor(id)).isEqualTo(new SandboxCharges(1, new BigDecimal("34")));
    assertThat(api.sandbox.balance()).isEqualByComparingTo("66");
    api.finishAll();
    assertThat(api.sandbox.chargesFor(id).calls()).isEqualTo(1);
  }

  @Test
  void aShortBalanceRefusesTheCloseAndKeepsNothing() {
    api.sandbox.setBalance(new BigDecimal("39.99"));

    Response refused =
        api.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"json_visura\":%s}"
                .formatted(SandboxHttp.FAMILY_STATUS, RequestLifecycleTest.familyFields()));

    assertThat(refused.status()).isEqualTo(402);
    assertThat(refused.error()).isEqualTo(211);
    assertThat(refused.message()).isEqualTo("Insufficient Credit in Wallet: 39.99");
    assertThat(api.get("/richiesta").error()).isEqualTo(203);
    assertThat(api.sandbox.balance()).isEqualByComparingTo("39.99");
  }

  @Test
  void closingADraftWithShortCreditAnswers211AndLeavesItOpen() {
    String draft =
        api.create(SandboxHttp.FAMILY_STATUS, RequestLifecycleTest.familyFields(), "\"state\":0");
    api.sandbox.setBalance(BigDecimal.ONE);

    Response refused = api.put("/richiesta/" + draft, "{\"state\":1}");
    assertThat(refused.status()).isEqualTo(402);
    assertThat(refused.error()).isEqualTo(211);

    api.sandbox.setBalance(new BigDecimal("100"));
    Response closed = api.put("/richiesta/" + draft, "{\"state\":1}");
    assertThat(closed.status()).isEqualTo(200);
    assertThat(api.sandbox.chargesFor(draft))
        .isEqualTo(new SandboxCharges(1, new BigDecimal("40")));
  }

  @Test
  void searchProductsChargeTheSearchAtCloseEachAddedSearchAndTheDocumentAtSelection() {
    String id = api.searchFor("alfa");
    assertThat(api.sandbox.chargesFor(id)).isEqualTo(new SandboxCharges(1, new BigDecimal("0.38")));

    api.post("/richiesta/" + id, "{\"json_visura\":{\"$0\":\"beta\"}}");
    assertThat(api.sandbox.chargesFor(id)).isEqualTo(new SandboxCharges(2, new BigDecimal("0.76")));

    Response chosen =
        api.put("/richiesta/" + id + "/ricerche", "{\"id_ricerca\":\"" + id + "_1\",\"indice\":0}");
    assertThat(chosen.status()).as(chosen.raw()).isEqualTo(200);
    assertThat(api.sandbox.chargesFor(id)).isEqualTo(new SandboxCharges(3, new BigDecimal("5.54")));
  }

  @Test
  void draftsAndTestRequestsCostNothing() {
    api.create(SandboxHttp.FAMILY_STATUS, RequestLifecycleTest.familyFields(), "\"state\":0");
    api.post(
        "/richiesta",
        "{\"hash_visura\":\"%s\",\"test\":true,\"json_visura\":%s}"
            .formatted(SandboxHttp.FAMILY_STATUS, RequestLifecycleTest.familyFields()));

    assertThat(api.sandbox.balance()).isEqualByComparingTo("100");
  }
}
