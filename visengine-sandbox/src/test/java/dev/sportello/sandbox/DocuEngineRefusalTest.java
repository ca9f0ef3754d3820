package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What DocuEngine refuses, and that a refused call never charges. */
class DocuEngineRefusalTest {

  private static final SandboxHttp API = SandboxHttp.start();

  @AfterAll
  static void stop() {
    API.close();
  }

  private static void assertRefused(Response response, int status, int error) {
    assertThat(response.status()).as(response.raw()).isEqualTo(status);
    assertThat(response.error()).as(response.raw()).isEqualTo(error);
    assertThat(response.json().path("success").asBoolean()).isFalse();
    assertThat(response.json().path("data").isNull()).isTrue();
  }

  @Test
  void aPatchOnARequestNoLongerNewIsRefusedAndNotCharged() {
    String id = API.draft(SandboxHttp.STATUTO);
    API.patch("/requests/" + id, "{\"state\":\"SEARCH\"}");

    Response again = API.patch("/requests/" + id, "{\"state\":\"SEARCH\"}");

    assertRefused(again, 400, 300);
    assertThat(again.message()).contains("the request is WAIT");
    assertThat(API.sandbox.chargesFor(id).calls()).isEqualTo(1);
    assertThat(API.get("/requests/" + id).data().path("state").asString()).isEqualTo("WAIT");
  }

  @Test
  void aResultCanBeChosenOnlyOnceAndIsChargedOnlyOnce() {
    String id = API.searchEnded();
    String resultId = API.firstResult(id);
    API.patch("/requests/" + id, "{\"resultId\":\"" + resultId + "\"}");

    Response again = API.patch("/requests/" + id, "{\"resultId\":\"" + resultId + "\"}");

    assertRefused(again, 422, 213);
    assertThat(API.sandbox.chargesFor(id).amount()).isEqualByComparingTo("4.5");
  }

  @Test
  void aResultCannotBeChosenBeforeTheSearchHasEnded() {
    String id = API.draft(SandboxHttp.BILANCIO_OTTICO);
    API.patch("/requests/" + id, "{\"state\":\"SEARCH\"}");

    assertRefused(API.patch("/requests/" + id, "{\"resultId\":\"0123\"}"), 422, 213);
    assertThat(API.sandbox.chargesFor(id).calls()).isEqualTo(1);
  }

  @Test
  void aChoiceWhileTheDocumentIsUnavailableIsRefusedAndNotCharged() {
    String id = API.searchEnded();
    String resultId = API.firstResult(id);
    API.put("/_sandbox/documents/" + SandboxHttp.BILANCIO_OTTICO, "{\"available\":false}");
    Response refused;
    try {
      refused = API.patch("/requests/" + id, "{\"resultId\":\"" + resultId + "\"}");
    } finally {
      API.put("/_sandbox/documents/" + SandboxHttp.BILANCIO_OTTICO, "{\"available\":true}");
    }

    assertRefused(refused, 417, 316);
    assertThat(API.get("/requests/" + id).data().path("state").asString()).isEqualTo("SEARCH");
    assertThat(API.sandbox.chargesFor(id).calls()).isEqualTo(1);
  }

  @Test
  void aSingleFieldEditNamingNoFieldIsDroppedLikeAnUnknownSearchKey() {
    String id = API.draft(SandboxHttp.STATUTO);

    Response edited =
        API.patch("/requests/" + id, "{\"search.field0\":\"01234567890\",\"search.other\":\"x\"}");

    assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
    assertThat(edited.data().at("/search/field0").asString()).isEqualTo("01234567890");
    assertThat(edited.data().path("search").has("other")).isFalse();
  }

  @Test
  void singleFieldEditsNamingNoFieldAtAllAreRefused() {
    String id = API.draft(SandboxHttp.STATUTO);

    assertRefused(API.patch("/requests/" + id, "{\"search.other\":\"x\"}"), 400, 300);
  }

  @Test
  void aResultThatIsNotTheRequestsIsRefused() {
    String id = API.searchEnded();

    assertRefused(
        API.patch("/requests/" + id, "{\"resultId\":\"ffffffffffffffffffffffffffffffff\"}"),
        400,
        300);
    assertThat(API.get("/requests/" + id).data().path("state").asString()).isEqualTo("SEARCH");
  }

  @Test
  void invalidValuesAreRefusedWithEveryReasonAndNothingIsStoredOrCharged() {
    int before = API.get("/requests").status() == 200 ? API.get("/requests").data().size() : 0;
    Response refused =
        API.post(
            "/requests",
            "{\"documentId\":\"%s\",\"search\":{\"field0\":\"12A\",\"field1\":\"Roma\"}}"
                .formatted(SandboxHttp.VISURA_ORDINARIA));

    assertRefused(refused, 400, 300);
    assertThat(refused.message())
        .contains("field0 (reaCode) must be a REA number")
        .contains("field1 (cciaa) must be a two-letter province code");
    int after = API.get("/requests").status() == 200 ? API.get("/requests").data().size() : 0;
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aRefusedCloseLeavesTheDraftAsItWas() {
    String id = API.draft(SandboxHttp.STATUTO);

    assertRefused(
        API.patch("/requests/" + id, "{\"search.field0\":\"\",\"state\":\"SEARCH\"}"), 400, 300);

    assertThat(API.get("/requests/" + id).data().at("/search/field0").asString())
        .isEqualTo(SandboxHttp.COMPANY_VAT);
    assertThat(API.get("/requests/" + id).data().path("state").asString()).isEqualTo("NEW");
    assertThat(API.sandbox.chargesFor(id).calls()).isZero();
  }

  @Test
  void aDraftIsEditedFieldByFieldBeforeItIsClosed() {
    String id =
        API.request(
            "{\"documentId\":\"%s\",\"state\":\"NEW\",\"search\":{\"field0\":\"1378273\"}}"
                .formatted(SandboxHttp.VISURA_ORDINARIA));

    Response edited =
        API.patch(
            "/requests/" + id, "{\"search.field1\":\"RM\",\"notifyEmail\":\"a@example.com\"}");
    assertThat(edited.data().path("state").asString()).isEqualTo("NEW");
    assertThat(edited.data().path("notifyEmail").asString()).isEqualTo("a@example.com");

    Response closed = API.patch("/requests/" + id, "{\"state\":\"SEARCH\"}");
    assertThat(closed.data().path("state").asString()).as(closed.raw()).isEqualTo("WAIT");
  }

  @Test
  void aCloseWithoutCreditIsRefusedAndTheDraftStaysNew() {
    String id = API.draft(SandboxHttp.STATUTO);
    BigDecimal balance = API.sandbox.balance();
    API.sandbox.setBalance(new BigDecimal("1"));
    try {
      Response refused = API.patch("/requests/" + id, "{\"state\":\"SEARCH\"}");
      assertRefused(refused, 402, 610);
      assertThat(refused.message()).startsWith("Billing error message: Insufficient Credit");
    } finally {
      API.sandbox.setBalance(balance);
    }
    assertThat(API.get("/requests/" + id).data().path("state").asString()).isEqualTo("NEW");
    assertThat(API.sandbox.chargesFor(id).calls()).isZero();
  }

  @Test
  void aCallbackWithoutHeadersIsRefused() {
    Response refused =
        API.post(
            "/requests",
            "{\"documentId\":\"%s\",\"state\":\"NEW\",\"callback\":{\"url\":\"http://127.0.0.1:9/h\",\"field\":\"data\",\"method\":\"POST\"}}"
                .formatted(SandboxHttp.STATUTO));

    assertRefused(refused, 428, 311);
  }

  @Test
  void aCompanyFoundedThisYearHasNoBalanceSheetToSearch() {
    Response refused =
        API.post(
            "/requests",
            "{\"documentId\":\"%s\",\"search\":{\"field0\":\"%s\"}}"
                .formatted(SandboxHttp.BILANCIO_OTTICO, RegisterFilings.COMPANY_FOUNDED_THIS_YEAR));

    assertRefused(refused, 422, 320);
  }
}
