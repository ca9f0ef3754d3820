package dev.sportello.adapter.docuengine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.request.UpstreamId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Files come from signed URLs on another host: downloaded without our token, checked against their
 * announced size and MD5, and fetched again from a fresh URL when one has expired.
 */
class DownloadTest {
  @RegisterExtension
  static final WireMockExtension api =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final WireMockExtension storage =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UpstreamId ID = new UpstreamId(Stub.ID);
  private static final String FILES = "/requests/" + Stub.ID + "/documents";
  private static final byte[] PDF = "%PDF-1.4 a certificate".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SECOND = "%PDF-1.4 a second file".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] THIRD = "%PDF-1.4 a third file".getBytes(StandardCharsets.US_ASCII);

  /** Percent-encoded as a signer would; a client that re-encodes it breaks the signature. */
  private static final String SIGNED =
      "?X-Goog-Credential=signer%40example.com%2F20261206&X-Goog-Signature=ab12";

  private static final long FUTURE = 4_000_000_000L;

  private DocuEngineAdapter adapter;

  @BeforeEach
  void setUp() {
    adapter = Stub.adapter(api.baseUrl());
  }

  private static String file(String name, byte[] content, String path, long expires) {
    return file(name, content.length, md5(content), path, expires);
  }

  private static String file(String name, long size, String md5, String path, long expires) {
    return "{\"fileName\":\""
        + name
        + "\",\"mimeType\":\"application/pdf\",\"fileSize\":\""
        + size
        + "\",\"md5\":\""
        + md5
        + "\",\"urlExpire\":"
        + expires
        + ",\"downloadUrl\":\""
        + storage.baseUrl()
        + path
        + SIGNED
        + "\"}";
  }

  private static void listing(String... files) {
    api.stubFor(get(urlEqualTo(FILES)).willReturn(Stub.ok("[" + String.join(",", files) + "]")));
  }

  private static void stored(String path, byte[] content) {
    storage.stubFor(
        get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(content)));
  }

  @Test
  void aFileIsDownloadedFromItsSignedUrlAsGivenAndWithoutOurToken() throws IOException {
    listing(file("a.pdf", PDF, "/bucket/a.pdf", FUTURE));
    stored("/bucket/a.pdf", PDF);
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    assertThat(adapter.download(ID, target).get()).isEqualTo(Stub.ID + ".zip");

    storage.verify(
        1, getRequestedFor(urlEqualTo("/bucket/a.pdf" + SIGNED)).withoutHeader("Authorization"));
    api.verify(
        getRequestedFor(urlEqualTo(FILES))
            .withHeader("Authorization", equalTo("Bearer " + Stub.TOKEN)));
    assertThat(entries(target)).containsExactly("a.pdf");
  }

  @Test
  void everyFileIsOneEntryOfTheArchiveWithItsContent() throws IOException {
    byte[] second = "%PDF-1.4 another".getBytes(StandardCharsets.US_ASCII);
    listing(
        file("a.pdf", PDF, "/bucket/a.pdf", FUTURE),
        file("b.pdf", second, "/bucket/b.pdf", FUTURE));
    stored("/bucket/a.pdf", PDF);
    stored("/bucket/b.pdf", second);
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    adapter.download(ID, target).get();

    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(target.toByteArray()))) {
      assertThat(zip.getNextEntry().getName()).isEqualTo("a.pdf");
      assertThat(zip.readAllBytes()).isEqualTo(PDF);
      assertThat(zip.getNextEntry().getName()).isEqualTo("b.pdf");
      assertThat(zip.readAllBytes()).isEqualTo(second);
    }
  }

  @Test
  void aFileNameWithFoldersIsKeptToItsOwnName() throws IOException {
    listing(file("../../a.pdf", PDF, "/bucket/a.pdf", FUTURE));
    stored("/bucket/a.pdf", PDF);
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    adapter.download(ID, target).get();

    assertThat(entries(target)).containsExactly("a.pdf");
  }

  @Test
  void aUrlPastItsExpiryIsReplacedByReadingTheListAgain() throws IOException {
    api.stubFor(
        get(urlEqualTo(FILES))
            .inScenario("expiry")
            .whenScenarioStateIs(STARTED)
            .willReturn(Stub.ok("[" + file("a.pdf", PDF, "/bucket/old.pdf", 1) + "]"))
            .willSetStateTo("fresh"));
    api.stubFor(
        get(urlEqualTo(FILES))
            .inScenario("expiry")
            .whenScenarioStateIs("fresh")
            .willReturn(Stub.ok("[" + file("a.pdf", PDF, "/bucket/new.pdf", FUTURE) + "]")));
    stored("/bucket/new.pdf", PDF);
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    assertThat(adapter.download(ID, target).isRight()).isTrue();

    storage.verify(0, getRequestedFor(urlPathEqualTo("/bucket/old.pdf")));
    api.verify(2, getRequestedFor(urlEqualTo(FILES)));
    assertThat(entries(target)).containsExactly("a.pdf");
  }

  @Test
  void aUrlTheStorageRefusesAsExpiredIsReplacedOnce() {
    api.stubFor(
        get(urlEqualTo(FILES))
            .inScenario("refused")
            .whenScenarioStateIs(STARTED)
            .willReturn(Stub.ok("[" + file("a.pdf", PDF, "/bucket/old.pdf", FUTURE) + "]"))
            .willSetStateTo("fresh"));
    api.stubFor(
        get(urlEqualTo(FILES))
            .inScenario("refused")
            .whenScenarioStateIs("fresh")
            .willReturn(Stub.ok("[" + file("a.pdf", PDF, "/bucket/new.pdf", FUTURE) + "]")));
    storage.stubFor(get(urlPathEqualTo("/bucket/old.pdf")).willReturn(expiredToken()));
    stored("/bucket/new.pdf", PDF);

    assertThat(adapter.download(ID, new ByteArrayOutputStream()).isRight()).isTrue();
    api.verify(2, getRequestedFor(urlEqualTo(FILES)));
  }

  /** The first list, with b's URL expired; the list read again gives its files in another order. */
  private static void reListed(String... again) {
    api.stubFor(
        get(urlEqualTo(FILES))
            .inScenario("reordered")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                Stub.ok(
                    "["
                        + file("a.pdf", PDF, "/bucket/a.pdf", FUTURE)
                        + ","
                        + file("b.pdf", SECOND, "/bucket/old-b.pdf", 1)
                        + ","
                        + file("c.pdf", THIRD, "/bucket/c.pdf", FUTURE)
                        + "]"))
            .willSetStateTo("fresh"));
    api.stubFor(
        get(urlEqualTo(FILES))
            .inScenario("reordered")
            .whenScenarioStateIs("fresh")
            .willReturn(Stub.ok("[" + String.join(",", again) + "]")));
    stored("/bucket/a.pdf", PDF);
    stored("/bucket/new-a.pdf", PDF);
    stored("/bucket/new-b.pdf", SECOND);
    stored("/bucket/c.pdf", THIRD);
    stored("/bucket/new-c.pdf", THIRD);
  }

  @Test
  void aListReadAgainInAnotherOrderStillGivesEveryFileOnceInTheFirstOrder() throws IOException {
    reListed(
        file("c.pdf", THIRD, "/bucket/new-c.pdf", FUTURE),
        file("a.pdf", PDF, "/bucket/new-a.pdf", FUTURE),
        file("b.pdf", SECOND, "/bucket/new-b.pdf", FUTURE));
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    assertThat(adapter.download(ID, target).isRight()).isTrue();

    assertThat(entries(target)).containsExactly("a.pdf", "b.pdf", "c.pdf");
    storage.verify(1, getRequestedFor(urlPathEqualTo("/bucket/new-b.pdf")));
    storage.verify(1, getRequestedFor(urlPathEqualTo("/bucket/new-c.pdf")));
    storage.verify(0, getRequestedFor(urlPathEqualTo("/bucket/old-b.pdf")));
  }

  @Test
  void aListReadAgainThatNamesOtherFilesIsMalformed() {
    reListed(
        file("a.pdf", PDF, "/bucket/new-a.pdf", FUTURE),
        file("b.pdf", SECOND, "/bucket/new-b.pdf", FUTURE),
        file("d.pdf", THIRD, "/bucket/new-c.pdf", FUTURE));

    assertThat(adapter.download(ID, new ByteArrayOutputStream()).getLeft())
        .isEqualTo(new RemoteFailure.Malformed("the list read again names other files"));
  }

  @Test
  void aStorageThatRefusesTheFreshUrlTooIsUnavailableAfterOneMoreList() {
    listing(file("a.pdf", PDF, "/bucket/a.pdf", FUTURE));
    storage.stubFor(get(urlPathEqualTo("/bucket/a.pdf")).willReturn(expiredToken()));

    assertThat(adapter.download(ID, new ByteArrayOutputStream()).getLeft())
        .isInstanceOf(RemoteFailure.Unavailable.class);
    api.verify(2, getRequestedFor(urlEqualTo(FILES)));
    storage.verify(2, getRequestedFor(urlPathEqualTo("/bucket/a.pdf")));
  }

  @Test
  void aFileThatDoesNotMatchItsMd5IsRefused() {
    listing(file("a.pdf", PDF.length, md5(new byte[] {1}), "/bucket/a.pdf", FUTURE));
    stored("/bucket/a.pdf", PDF);

    assertThat(adapter.download(ID, new ByteArrayOutputStream()).getLeft())
        .isEqualTo(new RemoteFailure.Malformed("a file does not match its announced MD5"));
  }

  @Test
  void aFileShorterThanAnnouncedIsRefused() {
    listing(file("a.pdf", PDF.length + 1, md5(PDF), "/bucket/a.pdf", FUTURE));
    stored("/bucket/a.pdf", PDF);

    assertThat(adapter.download(ID, new ByteArrayOutputStream()).getLeft())
        .isEqualTo(new RemoteFailure.Malformed("a file is shorter than its announced size"));
  }

  @Test
  void aFileLongerThanAnnouncedIsRefused() {
    listing(file("a.pdf", PDF.length - 1, md5(PDF), "/bucket/a.pdf", FUTURE));
    stored("/bucket/a.pdf", PDF);

    assertThat(adapter.download(ID, new ByteArrayOutputStream()).getLeft())
        .isEqualTo(new RemoteFailure.Malformed("a file is longer than its announced size"));
  }

  @Test
  void aListWithoutFilesIsMalformedAndNothingIsDownloaded() {
    listing();

    assertThat(adapter.download(ID, new ByteArrayOutputStream()).getLeft())
        .isInstanceOf(RemoteFailure.Malformed.class);
    assertThat(storage.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder expiredToken() {
    return aResponse()
        .withStatus(400)
        .withHeader("Content-Type", "application/xml")
        .withBody(
            "<?xml version='1.0' encoding='UTF-8'?><Error><Code>ExpiredToken</Code>"
                + "<Message>The provided token has expired.</Message></Error>");
  }

  private static List<String> entries(ByteArrayOutputStream archive) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.toByteArray()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  private static String md5(byte[] content) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
