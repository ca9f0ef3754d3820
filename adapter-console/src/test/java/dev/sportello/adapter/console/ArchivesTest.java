package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.RetrieveDocumentUseCase.RetrievedDocument;
import dev.sportello.domain.request.DocumentRef;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

    Archives.Listing listing = Archives.list(document(Orders.zip(files)));

    assertThat(listing)
        .isEqualTo(
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

    Archives.Listing listing = Archives.list(document(Orders.zip(files)));

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
    Archives.Listing listing =
        Archives.list(document("not a zip".getBytes(StandardCharsets.UTF_8)));

    assertThat(listing).isEqualTo(new Archives.Listing.Files(java.util.List.of(), true));
  }
}
