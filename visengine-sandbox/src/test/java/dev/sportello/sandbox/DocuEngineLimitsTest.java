package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The limits the sandbox sets where the vendor documents none, each refused as DocuEngine refuses
 * what it does not accept (400/300), and error messages that repeat only a little of the input.
 */
class DocuEngineLimitsTest {

  private static final SandboxHttp API = SandboxHttp.start();

  @AfterAll
  static void stop() {
    API.close();
  }

  private static void assertRefused(Response response) {
    assertThat(response.status()).as(response.raw()).isEqualTo(400);
    assertThat(response.error()).as(response.raw()).isEqualTo(300);
  }

  private static Response draftOfTheExemptCertificate(String extraFields) {
    return API.post(
        "/requests",
        "{\"documentId\":\"%s\",\"state\":\"NEW\",\"search\":{\"field0\":\"Mario\"%s}}"
            .formatted(SandboxHttp.FAMILY_STATUS_EXEMPT, extraFields));
  }

  private static Response draftWithCallbackHeaders(String headers) {
    return API.post(
        "/requests",
        ("{\"documentId\":\"%s\",\"state\":\"NEW\",\"callback\":{\"url\":\"http://127.0.0.1:9/h\","
                + "\"method\":\"JSON\",\"headers\":{%s}}}")
            .formatted(SandboxHttp.STATUTO, headers));
  }

  /** {@code "<prefix>0":"x", "<prefix>1":"x", …}: {@code count} JSON properties. */
  private static String properties(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "\"" + prefix + i + "\":\"x\"")
        .collect(Collectors.joining(","));
  }

  @Test
  void aTextValueOfOneKilobyteIsKept() {
    Response kept = draftOfTheExemptCertificate(",\"field1\":\"" + "R".repeat(1024) + "\"");

    assertThat(kept.status()).as(kept.raw()).isEqualTo(200);
  }

  @Test
  void aTextValueLongerThanOneKilobyteIsRefused() {
    Response refused = draftOfTheExemptCertificate(",\"field1\":\"" + "R".repeat(1025) + "\"");

    assertRefused(refused);
    assertThat(refused.message()).contains("field1 (lastName) takes at most 1024 characters");
  }

  @Test
  void aFileOfSomeMegabytesIsKept() {
    Response kept = draftOfTheExemptCertificate(",\"field8\":\"" + "A".repeat(4_000_000) + "\"");

    assertThat(kept.status()).as(kept.raw().substring(0, 200)).isEqualTo(200);
  }

  @Test
  void aFileLargerThanEightMegabytesOfBase64IsRefused() {
    Response refused =
        draftOfTheExemptCertificate(",\"field8\":\"" + "A".repeat(8 * 1024 * 1024 + 4) + "\"");

    assertRefused(refused);
    assertThat(refused.message()).contains("field8 (exemptionProof) takes at most");
  }

  @Test
  void aCallbackWithMoreThanTwentyHeadersIsRefused() {
    Response refused = draftWithCallbackHeaders(properties("X-H", 21));

    assertRefused(refused);
    assertThat(refused.message()).contains("at most 20 headers");
  }

  @Test
  void aCallbackHeaderLongerThanOneKilobyteIsRefused() {
    Response refused = draftWithCallbackHeaders("\"X-Token\":\"" + "t".repeat(1024) + "\"");

    assertRefused(refused);
  }

  @Test
  void aCallbackToAnUnusableUrlIsRefusedWithADocuEngineCode() {
    Response refused =
        API.post(
            "/requests",
            ("{\"documentId\":\"%s\",\"state\":\"NEW\",\"callback\":{\"url\":\"ftp://example.com/h\","
                    + "\"method\":\"JSON\",\"headers\":{}}}")
                .formatted(SandboxHttp.STATUTO));

    assertRefused(refused);
  }

  @Test
  void aRefusalNamesOnlyAFewOfTheUnknownKeys() {
    Response refused =
        API.post(
            "/requests",
            "{\"documentId\":\"%s\",\"search\":{%s}}"
                .formatted(SandboxHttp.STATUTO, properties("unknown", 200)));

    assertRefused(refused);
    assertThat(refused.message()).contains("unknown4 and 195 more").doesNotContain("unknown5");
  }

  @Test
  void aRefusalCutsALongNameShort() {
    Response refused =
        API.post(
            "/requests",
            "{\"documentId\":\"%s\",\"search\":{\"%s\":\"x\"}}"
                .formatted(SandboxHttp.STATUTO, "k".repeat(5000)));

    assertRefused(refused);
    assertThat(refused.message()).hasSizeLessThan(300);
  }
}
