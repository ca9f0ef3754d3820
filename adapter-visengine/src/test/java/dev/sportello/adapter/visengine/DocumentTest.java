package dev.sportello.adapter.visengine;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.request.UpstreamId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DocumentTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UpstreamId ID = new UpstreamId(Stub.ID);

  private VisengineAdapter adapter;

  @BeforeEach
  void setUp() {
    adapter = Stub.adapter(server.baseUrl());
  }

  private static byte[] zip(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("%PDF-1.4 " + name).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void streamsThePublishedExampleIntoTheTarget() {
    server.stubFor(
        get("/documento/" + Stub.ID)
            .willReturn(Stub.json(200, Stub.fixture("oas/get_documento_id_200.json"))));
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    assertThat(adapter.download(ID, target).get()).isEqualTo("5f22f5b5065afc21cc60a27a.zip");
    assertThat(target.toByteArray())
        .isEqualTo(
            Base64.getDecoder()
                .decode(
                    "++6+47433njVP9ZcX1XNtWUsKrTya9FGhwiXgdp5j5OPh0FpaKWVpjP8CUEjFjYzYwYTI3YS5wZGZVVAUAAwhDKF91eAsAAQQhAAAABCEAAABQSwUGAAAAAAEAAQBiAAAAZicAAAAA"));
  }

  @Test
  void decodesBase64WithEscapedSlashesAndListsTheArchive() throws IOException {
    byte[] archive = zip(Stub.ID + ".pdf", "allegato.pdf");
    String file = Base64.getEncoder().encodeToString(archive).replace("/", "\\/");
    server.stubFor(
        get("/documento/" + Stub.ID)
            .willReturn(
                Stub.json(
                    200,
                    "{\"success\":\"1\",\"data\":{\"file\":\""
                        + file
                        + "\",\"nome\":\""
                        + Stub.ID
                        + ".zip\",\"dimensione\":\""
                        + archive.length
                        + "\",\"extra\":[1,{}]},\"message\":\"\",\"error\":null}")));
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    assertThat(adapter.download(ID, target).get()).isEqualTo(Stub.ID + ".zip");
    assertThat(target.toByteArray()).isEqualTo(archive);
    assertThat(VisengineAdapter.zipEntryNames(new ByteArrayInputStream(target.toByteArray())).get())
        .containsExactly(Stub.ID + ".pdf", "allegato.pdf");
  }

  @Test
  void aMissingNameFallsBackToTheId() {
    server.stubFor(
        get("/documento/" + Stub.ID)
            .willReturn(Stub.ok("{\"file\":\"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==\"}")));

    assertThat(adapter.download(ID, new ByteArrayOutputStream()).get()).isEqualTo(Stub.ID + ".zip");
  }

  @Test
  void anAnswerWithoutAFileIsMalformed() {
    server.stubFor(get("/documento/" + Stub.ID).willReturn(Stub.ok("{\"nome\":\"x.zip\"}")));
    assertThat(adapter.download(ID, new ByteArrayOutputStream()).getLeft())
        .isInstanceOf(RemoteFailure.Malformed.class);

    server.stubFor(
        get("/documento/" + Stub.ID).willReturn(Stub.ok("{\"file\":\"!!not base64!!\"}")));
    assertThat(adapter.download(ID, new ByteArrayOutputStream()).getLeft())
        .isInstanceOf(RemoteFailure.Malformed.class);
  }

  @Test
  void aFailingStoreIsToldApartFromAFailingUpstream() {
    server.stubFor(
        get("/documento/" + Stub.ID)
            .willReturn(Stub.json(200, Stub.fixture("oas/get_documento_id_200.json"))));
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };

    RemoteFailure failure = adapter.download(ID, broken).getLeft();

    assertThat(failure).isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(failure.message()).contains("store", "disk full");
  }

  @Test
  void listingSomethingThatIsNotAZipFails() {
    assertThat(
            VisengineAdapter.zipEntryNames(
                    new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isFailure())
        .isTrue();
  }
}
