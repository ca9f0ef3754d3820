package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.RetrieveDocumentUseCase.RetrievedDocument;
import dev.sportello.domain.request.DocumentRef;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB document passes through a 64 MB heap, whole, as a listing and as one file: this class
 * runs in its own surefire execution with {@code -Xmx64m} (the {@code small-heap} tag), and the
 * store hands out an archive that is written as it is read.
 */
@Tag("small-heap")
class LargeDocumentTest {
  private static final String DOCUMENT = "/api/v1/requests/req-1/document";
  private static final long PDF_SIZE = 100L * 1024 * 1024;
  private static final byte[] RECEIPT = "%PDF-1.7 receipt".getBytes(StandardCharsets.US_ASCII);

  private final Harness api = new Harness();
  private long archiveSize;

  @BeforeEach
  void serveTheLargeArchive() throws IOException {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("the heap must be smaller than the document for this to prove anything")
        .isLessThan(PDF_SIZE);
    try (InputStream sizing = archive()) {
      archiveSize = sizing.transferTo(OutputStream.nullOutputStream());
    }
    when(api.retrieve.retrieve(any()))
        .thenAnswer(call ->
            Either.right(
                new RetrievedDocument(
                    new DocumentRef("big.zip", archiveSize, "c".repeat(64)), archive())));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theArchiveStreams() throws IOException {
    var response = api.stream(api.as(Harness.ALICE_KEY, DOCUMENT).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length"))
        .contains(Long.toString(archiveSize));
    assertThat(drain(response, false)).isEqualTo(archiveSize);
  }

  @Test
  void theListingReadsThroughTheArchive() {
    var reply = api.get(DOCUMENT + "/files");

    assertThat(reply.status()).isEqualTo(200);
    var items = reply.json().get("items");
    assertThat(items.get(0).get("sizeBytes").asLong()).isEqualTo(PDF_SIZE);
    assertThat(items.get(1).get("sizeBytes").asLong()).isEqualTo(RECEIPT.length);
  }

  @Test
  void oneFileStreams() throws IOException {
    var response = api.stream(api.as(Harness.ALICE_KEY, DOCUMENT + "/files/certificato.pdf").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(response.headers().firstValue("Content-Length")).contains(Long.toString(PDF_SIZE));
    assertThat(drain(response, true)).isEqualTo(PDF_SIZE);
  }

  @Test
  void aFileAfterTheLargeOneStreams() {
    var reply = api.get(DOCUMENT + "/files/ricevuta.pdf");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(RECEIPT);
  }

  /** Reads a body to its end; counts its bytes and, if asked, checks them against the pattern. */
  private static long drain(HttpResponse<InputStream> response, boolean pattern)
      throws IOException {
    long received = 0;
    long mismatches = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream body = response.body()) {
      for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
        for (int i = 0; pattern && i < read; i++) {
          if (buffer[i] != patternAt(received + i)) {
            mismatches++;
          }
        }
        received += read;
      }
    }
    assertThat(mismatches).isZero();
    return received;
  }

  private static byte patternAt(long position) {
    return (byte) (position % 251);
  }

  /** The archive, written by another thread as the server reads it. */
  private static InputStream archive() throws IOException {
    PipedInputStream in = new PipedInputStream(64 * 1024);
    PipedOutputStream out = new PipedOutputStream(in);
    Thread.ofVirtual()
        .start(() -> {
          try (out) {
            writeArchive(out);
          } catch (IOException readerGone) {
            // The server stopped reading; nothing is left to write for.
          }
        });
    return in;
  }

  /** A stored 100 MB PDF followed by a small receipt. */
  private static void writeArchive(OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    ZipEntry pdf = new ZipEntry("certificato.pdf");
    pdf.setMethod(ZipEntry.STORED);
    pdf.setSize(PDF_SIZE);
    pdf.setCompressedSize(PDF_SIZE);
    pdf.setCrc(PATTERN_CRC);
    zip.putNextEntry(pdf);
    writePattern(zip);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry("ricevuta.pdf"));
    zip.write(RECEIPT);
    zip.closeEntry();
    zip.finish();
  }

  private static void writePattern(OutputStream out) throws IOException {
    byte[] chunk = new byte[251 * 256];
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = patternAt(i);
    }
    for (long left = PDF_SIZE; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
  }

  private static final long PATTERN_CRC = patternCrc();

  private static long patternCrc() {
    CheckedOutputStream checked =
        new CheckedOutputStream(OutputStream.nullOutputStream(), new CRC32());
    try {
      writePattern(checked);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return checked.getChecksum().getValue();
  }
}
