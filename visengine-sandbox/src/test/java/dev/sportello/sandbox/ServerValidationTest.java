package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule over submitted values and the per-{@code tipo} checks, as the server applies them. */
class ServerValidationTest {

  private static final SandboxHttp API = SandboxHttp.start();

  @AfterAll
  static void stop() {
    API.close();
  }

  private static Response close(String hash, String jsonVisura) {
    return API.post(
        "/richiesta", "{\"hash_visura\":\"%s\",\"json_visura\":%s}".formatted(hash, jsonVisura));
  }

  @Test
  void theFamilyStatusRuleIsSatisfiableBySendingTheUndefinedKey() {
    Response accepted = close(SandboxHttp.FAMILY_STATUS, RequestLifecycleTest.familyFields());
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);

    Response withoutSeven =
        close(
            SandboxHttp.FAMILY_STATUS,
            RequestLifecycleTest.familyFields().replaceAll(",\"\\$7\":\"[A-Z0-9]+\"", ""));
    assertThat(withoutSeven.status()).isEqualTo(412);
    assertThat(withoutSeven.message()).endsWith("required $7");
  }

  @Test
  void theDuplicatedKeyAcceptsAValueOfEitherDefinition() {
    String withTaxCodeInSix =
        RequestLifecycleTest.familyFields()
            .replace("\"$6\":\"H501\"", "\"$6\":\"" + SandboxHttp.PERSONAL_CF + "\"");
    assertThat(close(SandboxHttp.FAMILY_STATUS, withTaxCodeInSix).status()).isEqualTo(200);

    String neither =
        RequestLifecycleTest.familyFields().replace("\"$6\":\"H501\"", "\"$6\":\"Roma\"");
    Response refused = close(SandboxHttp.FAMILY_STATUS, neither);
    assertThat(refused.status()).isEqualTo(412);
    assertThat(refused.message()).contains("$6 (Codice Fiscale) must be a municipality code");
  }

  @Test
  void theA2RuleAcceptsEitherAlternative() {
    assertThat(close(SandboxHttp.A2_APPLICATION, RequestLifecycleTest.a2Fields(true)).status())
        .isEqualTo(200);
    assertThat(close(SandboxHttp.A2_APPLICATION, RequestLifecycleTest.a2Fields(false)).status())
        .isEqualTo(200);

    Response missingFiles =
        close(
            SandboxHttp.A2_APPLICATION,
            "{\"$0\":\"A\",\"$1\":\"B\",\"$2\":\"a@b.it\",\"$3\":\"1\"}");
    assertThat(missingFiles.message()).endsWith("required $4, $5, $6");
  }

  @Test
  void emptyAndBlankValuesDoNotCount() {
    Response blank = close(SandboxHttp.COMPANY_REPORT, "{\"$0\":\"1378273\",\"$1\":\"  \"}");
    assertThat(blank.error()).isEqualTo(250);
    assertThat(blank.message()).isEqualTo("Insufficient data to validate the request: required $1");
  }

  @ParameterizedTest(name = "{0} = {1} -> accepted {2}")
  @CsvSource({
    "'$0', RSSMRA85T10A562S, true",
    "'$0', rssmra85t10a562s, true",
    "'$0', RSSMRA85T10A562X, false",
    "'$0', 12345678901, false",
  })
  void checksPersonalTaxCodes(String key, String value, boolean accepted) {
    Response response = close(SandboxHttp.PERSON_REPORT, "{\"" + key + "\":\"" + value + "\"}");
    assertThat(response.status() == 200).as(response.raw()).isEqualTo(accepted);
    if (!accepted) {
      assertThat(response.message())
          .contains("$0 (Codice Fiscale) must be a personal codice fiscale");
    }
  }

  @ParameterizedTest(name = "birth date {0} -> accepted {1}")
  @CsvSource({"1985-12-10, true", "10-12-1985, true", "1985-02-30, false", "10/12/1985, false"})
  void acceptsBothDateSpellings(String date, boolean accepted) {
    String fields =
        "{\"$0\":\"Mario\",\"$1\":\"Rossi\",\"$2\":\"%s\",\"$3\":\"H501\",\"$4\":\"%s\"}"
            .formatted(date, SandboxHttp.PERSONAL_CF);
    assertThat(close(SandboxHttp.RESIDENCE, fields).status() == 200).isEqualTo(accepted);
  }

  @Test
  void checksFilesEmailsAndCodesButNotUnknownTypes() {
    String company = "\"$0\":\"01500001019\"";
    assertThat(
            close(SandboxHttp.DURC, "{" + company + ",\"$1\":\"" + SandboxHttp.FILE + "\"}")
                .status())
        .isEqualTo(200);
    Response notAFile = close(SandboxHttp.DURC, "{" + company + ",\"$1\":\"just text\"}");
    assertThat(notAFile.message()).contains("$1 (Delega firmata) must be a file");
    Response badPayload =
        close(
            SandboxHttp.DURC, "{" + company + ",\"$1\":\"a.pdf|data:application/pdf;base64,***\"}");
    assertThat(badPayload.status()).isEqualTo(412);

    Response badEmail =
        close(
            SandboxHttp.A2_APPLICATION,
            RequestLifecycleTest.a2Fields(false).replace("amina@example.com", "amina"));
    assertThat(badEmail.message()).contains("$2 (Email) must be an email address");

    assertThat(
            close(SandboxHttp.VEHICLE_OWNERS, "{\"$0\":\"anything at all\",\"$1\":\"?\"}").status())
        .isEqualTo(200);
  }

  @Test
  void refusesOptionsTheProductDoesNotOffer() {
    Response refused =
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"json_visura\":%s,\"opzioni\":{\"opzione_7\":true}}"
                .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS));
    assertThat(refused.status()).isEqualTo(412);
    assertThat(refused.message()).contains("opzione_7 is not an option of this product");
  }

  @Test
  void refusesAStateOtherThanZeroOrOne() {
    Response refused =
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"json_visura\":%s,\"state\":2}"
                .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS));
    assertThat(refused.error()).isEqualTo(250);
    assertThat(refused.message()).contains("state must be 0 or 1");
  }
}
