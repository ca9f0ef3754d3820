package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.RetrieveDocumentUseCase.RetrievedDocument;
import dev.sportello.domain.request.DocumentRef;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ArchivesTest {
  private static RetrievedDocument document(byte[] bytes) {
    return new RetrievedDocument(
        new DocumentRef("archive.zip", bytes.length, "0".repeat(64)),
        new ByteArrayInputStream(bytes));
  }

  @Test
  void theFilesAreListedInArchiveOrderWithTheirUnpackedSizes() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("b.pdf", "12345");
    files.put("a.xml", "<a/>");

    Option<Archives.Listing> listing = Archives.list(document(Orders.zip(files)));

    assertThat(listing)
        .containsExactly(
            new Archives.Listing.Files(
                java.util.List.of(
                    new Archives.ArchiveFile("b.pdf", 5), new Archives.ArchiveFile("a.xml", 4)),
                true));
  }

  @Test
  void aLargeArchiveIsListedUpToTheBoundAndSaysSo() {
    Map<String, String> files = new LinkedHashMap<>();
    for (int file = 0; file <= Archives.MAX_FILES; file++) {
      files.put("page-" + file + ".pdf", "x");
    }

    Archives.Listing listing = Archives.list(document(Orders.zip(files))).get();

    assertThat(listing)
        .isInstanceOfSatisfying(
            Archives.Listing.Files.class,
            listed -> {
              assertThat(listed.files()).hasSize(Archives.MAX_FILES);
              assertThat(listed.complete()).isFalse();
            });
  }

  @Test
  void bytesThatAreNotAnArchiveListNoFile() {
    Option<Archives.Listing> listing =
        Archives.list(document("not a zip".getBytes(StandardCharsets.UTF_8)));

    assertThat(listing).containsExactly(new Archives.Listing.Files(java.util.List.of(), true));
  }

  @Test
  void anArchiveThatUnpacksBeyondTheBoundIsListedUpToItAndSaysSo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("small.pdf"));
      zip.write(new byte[10]);
      zip.putNextEntry(new ZipEntry("bomb.bin"));
      byte[] zeros = new byte[1 << 20];
      for (long written = 0; written <= Archives.MAX_UNPACKED_BYTES; written += zeros.length) {
        zip.write(zeros);
      }
      zip.closeEntry();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }

    Option<Archives.Listing> listing = Archives.list(document(bytes.toByteArray()));

    assertThat(listing)
        .containsExactly(
            new Archives.Listing.Files(
                java.util.List.of(new Archives.ArchiveFile("small.pdf", 10)), false));
  }

  @Test
  void aNameTooLongToShowIsCutAtTheBound() {
    String name = "a".repeat(Archives.MAX_NAME_LENGTH * 10) + ".pdf";

    Archives.Listing listing = Archives.list(document(Orders.zip(Map.of(name, "x")))).get();

    assertThat(listing)
        .isEqualTo(
            new Archives.Listing.Files(
                java.util.List.of(
                    new Archives.ArchiveFile("a".repeat(Archives.MAX_NAME_LENGTH - 1) + "…", 1)),
                true));
  }

  @Test
  void aStoredDocumentThatCannotBeReadGivesNoListing() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("the store went away");
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            throw new IOException("the store went away");
          }
        };

    Option<Archives.Listing> listing =
        Archives.list(
            new RetrievedDocument(new DocumentRef("archive.zip", 1, "0".repeat(64)), failing));

    assertThat(listing).isEmpty();
  }
}
