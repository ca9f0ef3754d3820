package dev.sportello.bootstrap;

import static dev.sportello.bootstrap.Harness.DURC;
import static dev.sportello.bootstrap.Harness.FAMILY_STATUS;
import static dev.sportello.bootstrap.Harness.MARIO_ROSSI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal data at rest, checked as someone holding a copy of the data directory would check it:
 * after orders with uploads have their documents, no file under the directory holds a submitted tax
 * code, name, email, reference, the uploaded file or the issued documents, in clear, in Base64 or
 * in UTF-16; and no file or folder is open to group or others. Whatever files the store makes are
 * walked, whichever store it is.
 */
class DataAtRestTest {
  private static final Set<PosixFilePermission> OTHERS_AND_GROUP =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private static final String REFERENCE = "pratica-rossi-4711";
  private static final String EMAIL = "mario.rossi@example.it";

  /** A delegation letter as uploaded: bytes that appear nowhere else. */
  private static final byte[] UPLOAD =
      ("%PDF-1.4\n% delega firmata da Mario Rossi per la ditta Rossi Costruzioni, protocollo"
              + " 2025/0917-ZQX\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  @TempDir Path base;
  @TempDir Path downloads;

  @Test
  void noFileUnderAFreshDataDirHoldsPersonalDataInClearOrIsOpenToOthers() throws IOException {
    Path dataDir = base.resolve("data");
    List<byte[]> secrets = new ArrayList<>();
    for (String text : List.of(MARIO_ROSSI, "Mario", "Rossi", EMAIL, REFERENCE)) {
      secrets.add(text.getBytes(StandardCharsets.UTF_8));
    }
    secrets.add(UPLOAD);
    try (Harness app = Harness.start(Harness.environment(dataDir, Map.of()))) {
      Map<String, String> family = Harness.familyStatus("1985-12-10");
      String familyId = order(app, "at-rest-1", FAMILY_STATUS, family);
      String durcId =
          order(
              app,
              "at-rest-2",
              DURC,
              Map.of(
                  "$0",
                  MARIO_ROSSI,
                  "$1",
                  "delega.pdf|data:application/pdf;base64,"
                      + Base64.getEncoder().encodeToString(UPLOAD)));
      for (String id : List.of(familyId, durcId)) {
        app.syncUntil(id, "FULFILLED");
        secrets.add(middleOf(app.download(id, downloads)));
      }
      assertOwnerOnly(dataDir);
    }

    assertOwnerOnly(dataDir);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        for (byte[] secret : secrets) {
          for (byte[] form : forms(secret)) {
            if (contains(content, form)) {
              found.add(dataDir.relativize(file) + " holds " + describe(secret));
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theRunningServiceTakesARotatedKeyUpAndSealsItsStoredDataAgain() throws Exception {
    Path dataDir = base.resolve("data");
    Map<String, String> environment = Harness.environment(dataDir, Map.of());
    try (Harness app = Harness.start(environment)) {
      String id = order(app, "rotate-1", FAMILY_STATUS, Harness.familyStatus("1985-12-10"));
      app.syncUntil(id, "FULFILLED");
      byte[] document = app.download(id, downloads);

      assertThat(Cli.run(environment, "keys", "rotate-data-key").exitCode()).isZero();

      Instant deadline = Instant.now().plus(Scheduler.RESEAL_IDLE.multipliedBy(4));
      while (!resealed(app.text("/metrics"))) {
        assertThat(Instant.now()).as("the service never sealed its data again").isBefore(deadline);
        Thread.sleep(100);
      }
      assertThat(app.request(id).path("reference").asString()).isEqualTo(REFERENCE);
      assertThat(app.download(id, downloads)).isEqualTo(document);
    }
  }

  /** Whether the metrics count one request and one document sealed again. */
  private static boolean resealed(String metrics) {
    return metrics.contains("sportello_data_resealed_total{kind=\"requests\"} 1.0")
        && metrics.contains("sportello_data_resealed_total{kind=\"documents\"} 1.0");
  }

  private static String order(
      Harness app, String key, String certificate, Map<String, String> values) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("certificateId", certificate);
    body.put("values", values);
    body.put("reference", REFERENCE);
    body.put("notifyEmail", EMAIL);
    return app.ok(app.submit(key, body)).path("id").asString();
  }

  /** Forty-eight bytes from the middle of an issued document: its compressed contents. */
  private static byte[] middleOf(byte[] document) {
    int from = Math.max(0, document.length / 2 - 24);
    return Arrays.copyOfRange(document, from, Math.min(document.length, from + 48));
  }

  /**
   * The secret as it may be written: raw (UTF-8 for text), in UTF-16 of either byte order, and in
   * Base64 at each of the three alignments it can start at inside a longer Base64 text (the first
   * and last characters of each, which depend on the neighbouring bytes, are left out).
   */
  private static List<byte[]> forms(byte[] secret) {
    List<byte[]> forms = new ArrayList<>();
    forms.add(secret);
    String text = new String(secret, StandardCharsets.ISO_8859_1);
    forms.add(text.getBytes(StandardCharsets.UTF_16LE));
    forms.add(text.getBytes(StandardCharsets.UTF_16BE));
    for (int shift = 0; shift < 3; shift++) {
      byte[] shifted = new byte[secret.length + shift];
      System.arraycopy(secret, 0, shifted, shift, secret.length);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      int skip = shift == 0 ? 0 : (shift * 4 + 2) / 3 + 1;
      String core = encoded.substring(Math.min(skip, encoded.length()), encoded.length() - 2);
      if (core.length() >= 6) {
        forms.add(core.getBytes(StandardCharsets.US_ASCII));
      }
    }
    return forms;
  }

  private static boolean contains(byte[] content, byte[] form) {
    outer:
    for (int i = 0; i + form.length <= content.length; i++) {
      for (int j = 0; j < form.length; j++) {
        if (content[i + j] != form[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static String describe(byte[] secret) {
    return secret.length <= 32
        ? new String(secret, StandardCharsets.UTF_8)
        : secret.length + " bytes of a document";
  }

  /** Every file is 0600 and every folder 0700 at most, the data dir included. */
  private static void assertOwnerOnly(Path dataDir) throws IOException {
    List<String> open = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path path : paths.toList()) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (!java.util.Collections.disjoint(permissions, OTHERS_AND_GROUP)) {
          open.add(dataDir.relativize(path) + " " + PosixFilePermissions.toString(permissions));
        }
      }
    }
    assertThat(open).isEmpty();
  }
}
