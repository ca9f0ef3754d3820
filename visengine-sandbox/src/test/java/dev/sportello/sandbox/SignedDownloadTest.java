package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * DocuEngine's files come from signed URLs on a storage that wants no bearer token: they expire at
 * {@code urlExpire} on the sandbox clock, and a later call hands out a fresh one.
 */
class SignedDownloadTest {

  private final SandboxHttp api = SandboxHttp.startWithTimeStill();

  @AfterEach
  void stop() {
    api.close();
  }

  /** A delivered Statuto; returns its file entry from {@code GET /requests/{id}/documents}. */
  private JsonNode deliveredFile() {
    String id =
        api.request(
            "{\"documentId\":\"%s\",\"search\":{\"field0\":\"%s\"}}"
                .formatted(SandboxHttp.STATUTO, SandboxHttp.COMPANY_VAT));
    api.finishAll();
    return api.get("/requests/" + id + "/documents").data().get(0);
  }

  private HttpResponse<String> download(String url, boolean withBearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (withBearer) {
      request.header("Authorization", "Bearer " + api.sandbox.token());
    }
    return api.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedUrlIsServedWithoutAnyCredential() throws Exception {
    HttpResponse<String> response = download(deliveredFile().path("downloadUrl").asString(), false);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("%PDF-1.4");
  }

  @Test
  void aSignedUrlPointsAtTheStorageAnotherOriginThanTheApi() {
    String url = deliveredFile().path("downloadUrl").asString();

    assertThat(api.sandbox.storageBaseUrl()).isNotEqualTo(api.sandbox.baseUrl());
    assertThat(url).startsWith(api.sandbox.storageBaseUrl() + SignedStorage.PATH);
  }

  @Test
  void theApiOriginServesNoStoredFile() throws Exception {
    String url = deliveredFile().path("downloadUrl").asString();
    String onTheApi =
        api.sandbox.baseUrl() + url.substring(api.sandbox.storageBaseUrl().toString().length());

    assertThat(download(onTheApi, false).statusCode()).isEqualTo(404);
  }

  @Test
  void theCredentialNamesAServiceAccountPercentEncoded() {
    String url = deliveredFile().path("downloadUrl").asString();

    assertThat(url)
        .contains(
            "X-Goog-Credential=docuengine-sandbox%40sportello-sandbox.iam.gserviceaccount.com"
                + "%2F20260302%2Fauto%2Fstorage%2Fgoog4_request&");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // re-encoded: the credential's @ encoded twice
    "%40, %2540, 400, X-Goog-Credential",
    "X-Goog-SignedHeaders=host, X-Goog-SignedHeaders=host%3Brange, 400, X-Goog-SignedHeaders",
    "GOOG4-HMAC-SHA256, GOOG4-RSA-SHA256, 400, X-Goog-Algorithm",
    // a parameter added to the signed query
    "X-Goog-Signature=, response-content-type=text%2Fplain&X-Goog-Signature=, 403,"
        + " SignatureDoesNotMatch",
  })
  void aUrlAlteredInItsQueryIsRefused(String signed, String altered, int status, String why)
      throws Exception {
    String url = deliveredFile().path("downloadUrl").asString();

    HttpResponse<String> refused = download(url.replace(signed, altered), false);

    assertThat(refused.statusCode()).isEqualTo(status);
    assertThat(refused.body()).contains(why);
  }

  @Test
  void aDownloadCarryingABearerTokenIsRefused() throws Exception {
    HttpResponse<String> response = download(deliveredFile().path("downloadUrl").asString(), true);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
    assertThat(response.body()).contains("<Code>InvalidArgument</Code>");
  }

  @Test
  void theUrlExpiresAtUrlExpireOnTheSandboxClock() throws Exception {
    JsonNode file = deliveredFile();
    long expire = file.path("urlExpire").asLong();
    assertThat(expire).isEqualTo(api.sandbox.now().getEpochSecond() + 86_400);

    api.sandbox.advance(Duration.ofSeconds(expire - api.sandbox.now().getEpochSecond() - 5));
    assertThat(download(file.path("downloadUrl").asString(), false).statusCode()).isEqualTo(200);

    api.sandbox.advance(Duration.ofSeconds(10));
    HttpResponse<String> expired = download(file.path("downloadUrl").asString(), false);
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).contains("<Code>ExpiredToken</Code>");
  }

  @Test
  void aLaterCallHandsOutAFreshUrlThatWorks() throws Exception {
    JsonNode file = deliveredFile();
    api.sandbox.advance(Duration.ofHours(25));
    String requestId = file.path("fileName").asString().substring(0, 24);

    JsonNode fresh = api.get("/requests/" + requestId + "/documents").data().get(0);

    assertThat(fresh.path("downloadUrl").asString())
        .isNotEqualTo(file.path("downloadUrl").asString());
    assertThat(fresh.path("urlExpire").asLong()).isGreaterThan(file.path("urlExpire").asLong());
    assertThat(fresh.path("md5").asString()).isEqualTo(file.path("md5").asString());
    assertThat(download(fresh.path("downloadUrl").asString(), false).statusCode()).isEqualTo(200);
  }

  @Test
  void aTamperedUrlIsRefused() throws Exception {
    String url = deliveredFile().path("downloadUrl").asString();

    HttpResponse<String> tampered =
        download(url.replace("X-Goog-Expires=86400", "X-Goog-Expires=999999"), false);

    assertThat(tampered.statusCode()).isEqualTo(403);
    assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");
  }

  @Test
  void aUrlSignedForOneFileDoesNotOpenAnother() throws Exception {
    String url = deliveredFile().path("downloadUrl").asString();
    String other = deliveredFile().path("fileName").asString();

    HttpResponse<String> refused =
        download(url.replaceFirst("/[0-9a-f]{24}_0\\.pdf", "/" + other), false);

    assertThat(refused.statusCode()).isEqualTo(403);
  }
}
