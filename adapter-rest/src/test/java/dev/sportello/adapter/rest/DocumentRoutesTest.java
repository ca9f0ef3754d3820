package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.RetrieveDocumentUseCase.RetrievedDocument;
import dev.sportello.domain.request.DocumentRef;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentRoutesTest {
  private static final String DOCUMENT = "/api/v1/requests/req-1/document";

  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  private static byte[] zip() {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("certificato.pdf"));
      zip.write("%PDF-1.7 certificate".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("allegati/"));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("allegati/ricevuta.pdf"));
      zip.write("%PDF-1.7 receipt, somewhat longer".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  private void serve(byte[] archive) {
    when(api.retrieve.retrieve(any()))
        .thenAnswer(call ->
            Either.right(
                new RetrievedDocument(
                    new DocumentRef(
                        "5f22f722065afc42223c7131.zip", archive.length, sha256(archive)),
                    new ByteArrayInputStream(archive))));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  @Test
  void streamsTheArchive() {
    byte[] archive = zip();
    serve(archive);

    var reply = api.get(DOCUMENT);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/zip");
    assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(archive.length));
    assertThat(reply.header("ETag")).isEqualTo("\"" + sha256(archive) + "\"");
    assertThat(reply.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(reply.header("Content-Disposition")).contains("5f22f722065afc42223c7131.zip");
    assertThat(reply.body()).isEqualTo(archive);
  }

  @Test
  void answersNotModifiedForACurrentCopy() {
    byte[] archive = zip();
    serve(archive);

    var reply =
        api.send(
            api.as(Harness.ALICE_KEY, DOCUMENT)
                .header("If-None-Match", "\"" + sha256(archive) + "\"")
                .GET());

    assertThat(reply.status()).isEqualTo(304);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void servesByteRanges() {
    byte[] archive = zip();
    serve(archive);

    var middle = api.send(api.as(Harness.ALICE_KEY, DOCUMENT).header("Range", "bytes=10-19").GET());
    var tail = api.send(api.as(Harness.ALICE_KEY, DOCUMENT).header("Range", "bytes=-5").GET());
    var open = api.send(api.as(Harness.ALICE_KEY, DOCUMENT).header("Range", "bytes=100-").GET());

    assertThat(middle.status()).isEqualTo(206);
    assertThat(middle.header("Content-Range")).isEqualTo("bytes 10-19/" + archive.length);
    assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(archive, 10, 20));
    assertThat(tail.body())
        .isEqualTo(java.util.Arrays.copyOfRange(archive, archive.length - 5, archive.length));
    assertThat(open.body()).isEqualTo(java.util.Arrays.copyOfRange(archive, 100, archive.length));
  }

  @Test
  void ignoresRangesItDoesNotServe() {
    byte[] archive = zip();
    serve(archive);

    for (String range :
        new String[] {"bytes=1-2,5-6", "items=1-2", "bytes=9-3", "garbage", "bytes=-"}) {
      var reply = api.send(api.as(Harness.ALICE_KEY, DOCUMENT).header("Range", range).GET());
      assertThat(reply.status()).as(range).isEqualTo(200);
      assertThat(reply.body()).isEqualTo(archive);
    }
    var stale =
        api.send(
            api.as(Harness.ALICE_KEY, DOCUMENT)
                .header("Range", "bytes=0-1")
                .header("If-Range", "\"old\"")
                .GET());
    assertThat(stale.status()).isEqualTo(200);
  }

  @Test
  void refusesRangesOutsideTheDocument() {
    byte[] archive = zip();
    serve(archive);

    var reply =
        api.send(api.as(Harness.ALICE_KEY, DOCUMENT).header("Range", "bytes=999999-").GET());

    assertThat(reply.status()).isEqualTo(416);
    assertThat(reply.header("Content-Range")).isEqualTo("bytes */" + archive.length);
    assertThat(reply.json().get("code").asString()).isEqualTo("range_not_satisfiable");
  }

  @Test
  void listsTheFiles() {
    serve(zip());

    var reply = api.get(DOCUMENT + "/files");

    assertThat(reply.status()).isEqualTo(200);
    var items = reply.json().get("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("name").asString()).isEqualTo("certificato.pdf");
    assertThat(items.get(0).get("sizeBytes").asLong()).isEqualTo(20);
    assertThat(items.get(0).get("contentType").asString()).isEqualTo("application/pdf");
    assertThat(items.get(1).get("name").asString()).isEqualTo("allegati/ricevuta.pdf");
  }

  @Test
  void streamsOneFile() {
    serve(zip());

    var first = api.get(DOCUMENT + "/files/certificato.pdf");
    var nested = api.get(DOCUMENT + "/files/allegati/ricevuta.pdf");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(first.text()).isEqualTo("%PDF-1.7 certificate");
    assertThat(nested.text()).isEqualTo("%PDF-1.7 receipt, somewhat longer");
  }

  @Test
  void aMissingFileIsNotFound() {
    serve(zip());

    var reply = api.get(DOCUMENT + "/files/other.pdf");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("code").asString()).isEqualTo("not_found");
  }

  @Test
  void anUnreadableArchiveIsAProblem() {
    byte[] archive = zip();
    byte[] broken = java.util.Arrays.copyOf(archive, 60);
    serve(broken);

    var reply = api.get(DOCUMENT + "/files");

    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.json().get("code").asString()).isEqualTo("unreadable_document");
  }
}
