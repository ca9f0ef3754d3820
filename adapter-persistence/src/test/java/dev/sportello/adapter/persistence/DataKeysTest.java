package dev.sportello.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeysTest {
  private static final byte[] PLAIN = "RSSMRA85T10A562S".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ROW = "request:r-1:values".getBytes(StandardCharsets.UTF_8);

  private final DataKeys keys = DataKeys.generate();

  @TempDir Path dataDir;

  @Test
  void aSealedValueOpensToTheSameBytes() {
    byte[] sealed = keys.seal(PLAIN, ROW);

    assertThat(keys.open(sealed, ROW).get()).isEqualTo(PLAIN);
  }

  @Test
  void aSealedValueHoldsNoneOfItsPlainText() {
    String sealed = new String(keys.seal(PLAIN, ROW), StandardCharsets.ISO_8859_1);

    assertThat(sealed).doesNotContain("RSSMRA");
  }

  @Test
  void theSameValueSealsDifferentlyEachTime() {
    assertThat(keys.seal(PLAIN, ROW)).isNotEqualTo(keys.seal(PLAIN, ROW));
  }

  @Test
  void aValueSealedForOneRowDoesNotOpenInAnother() {
    byte[] sealed = keys.seal(PLAIN, ROW);

    assertThat(keys.open(sealed, "request:r-2:values".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void anAlteredValueDoesNotOpen() {
    byte[] sealed = keys.seal(PLAIN, ROW);
    sealed[sealed.length - 1] ^= 1;

    assertThat(keys.open(sealed, ROW).getLeft()).doesNotContain("RSSMRA");
  }

  @Test
  void otherKeysCannotOpenAValue() {
    assertThat(DataKeys.generate().open(keys.seal(PLAIN, ROW), ROW)).isEmpty();
  }

  @Test
  void keysSurviveTheirJsonForm() {
    byte[] sealed = keys.seal(PLAIN, ROW);

    DataKeys read = DataKeys.fromJson(keys.toJson()).get();

    assertThat(read.open(sealed, ROW).get()).isEqualTo(PLAIN);
    assertThat(read.currentValueKey()).isEqualTo(keys.currentValueKey());
  }

  @Test
  void textThatHoldsNoKeysIsRefusedWithoutEchoingIt() {
    assertThat(DataKeys.fromJson("secret-looking-text").getLeft())
        .doesNotContain("secret-looking-text");
    assertThat(DataKeys.fromJson("{\"values\": {}}")).isEmpty();
    assertThat(DataKeys.fromJson("{\"values\": {}, \"documents\": {}}")).isEmpty();
  }

  @Test
  void rotatedKeysSealWithANewKeyAndStillOpenWhatTheOldOneSealed() {
    byte[] sealedBefore = keys.seal(PLAIN, ROW);

    DataKeys rotated = keys.rotated();

    assertThat(rotated.currentValueKey()).isNotEqualTo(keys.currentValueKey());
    assertThat(rotated.currentDocumentKey()).isNotEqualTo(keys.currentDocumentKey());
    assertThat(DataKeys.keyOf(sealedBefore)).isEqualTo(keys.currentValueKey());
    assertThat(DataKeys.keyOf(rotated.seal(PLAIN, ROW))).isEqualTo(rotated.currentValueKey());
    assertThat(rotated.open(sealedBefore, ROW).get()).isEqualTo(PLAIN);
    assertThat(rotated.keyCount()).isEqualTo(2);
  }

  @Test
  void aLookupIsTheSameForTheSameValueAndFoundUnderEveryKeyAfterARotation() {
    String before = keys.lookup(PLAIN);

    DataKeys rotated = keys.rotated();

    assertThat(keys.lookup(PLAIN)).isEqualTo(before).doesNotContain("RSSMRA");
    assertThat(keys.lookup("other".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(before);
    assertThat(rotated.lookups(PLAIN)).containsExactly(rotated.lookup(PLAIN), before);
  }

  @Test
  void aKeyFileRotatedInPlaceKeepsItsOwnerOnlyPermissionsAndEveryKey() throws IOException {
    Path file = dataDir.resolve("data.key");
    DataKeys first = DataKeys.readOrCreate(file).get();
    byte[] sealed = first.seal(PLAIN, ROW);

    DataKeys rotated = DataKeys.rotate(file).get();

    assertThat(DataKeys.kept(file).get().currentValueKey()).isEqualTo(rotated.currentValueKey());
    assertThat(DataKeys.kept(file).get().open(sealed, ROW).get()).isEqualTo(PLAIN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var inFolder = Files.list(dataDir)) {
      assertThat(inFolder).containsExactlyInAnyOrder(file, lockOf(file));
    }
  }

  @Test
  void aKeyFileWrittenWithoutLookupKeysGainsThemOnce() throws IOException {
    Path file = keptWithoutLookups(dataDir.resolve("data.key"));

    String lookup = DataKeys.readOrCreate(file).get().lookup(PLAIN);

    assertThat(Files.readString(file)).contains("lookups");
    assertThat(DataKeys.readOrCreate(file).get().lookup(PLAIN)).isEqualTo(lookup);
    assertThat(DataKeys.kept(file).get().open(keys.seal(PLAIN, ROW), ROW).get()).isEqualTo(PLAIN);
  }

  @Test
  void givenKeysWithoutLookupKeysAreRefusedAndTheirRotationHasThem() {
    var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(keys.toJson());
    ((tools.jackson.databind.node.ObjectNode) tree).remove("lookups");

    assertThat(DataKeys.given(tree.toString()).getLeft()).contains("rotate-data-key");
    assertThat(DataKeys.given(DataKeys.fromJson(tree.toString()).get().rotated().toJson()))
        .isNotEmpty();
    assertThat(DataKeys.given(keys.toJson())).isNotEmpty();
  }

  @Test
  void aReplacedKeyFileIsTakenUpOnlyWhenItHoldsTheKeysInUse() throws IOException {
    Path file = dataDir.resolve("data.key");
    LiveKeys live = LiveKeys.keptIn(file, DataKeys.readOrCreate(file).get());
    int before = live.current().currentValueKey();

    assertThat(live.refresh().get()).isFalse();
    DataKeys.rotate(file);
    assertThat(live.refresh().get()).isTrue();
    assertThat(live.current().currentValueKey()).isNotEqualTo(before);

    Files.delete(file);
    DataKeys.readOrCreate(file);
    assertThat(live.refresh().getLeft()).contains("lacks a key in use");
    assertThat(live.current().keyCount()).isEqualTo(2);
  }

  @Test
  void keysAreNeverPrinted() {
    assertThat(secrets(keys)).isNotEmpty().noneMatch(keys.toString()::contains);
  }

  /** The key material of every key, as its JSON form spells it. */
  static java.util.List<String> secrets(DataKeys keys) {
    var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(keys.toJson());
    return tree.findValues("keyData").stream().map(data -> data.get("value").asString()).toList();
  }

  @Test
  void aDocumentStreamsSealedAndOpensWhole() throws IOException {
    byte[] document = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(document);
    var sealed = new ByteArrayOutputStream();
    try (OutputStream out = keys.sealing(sealed, ROW)) {
      out.write(document);
    }

    try (InputStream in = keys.opening(new ByteArrayInputStream(sealed.toByteArray()), ROW)) {
      assertThat(in.readAllBytes()).isEqualTo(document);
    }
    assertThat(DataKeys.keyOf(new ByteArrayInputStream(sealed.toByteArray())))
        .isEqualTo(keys.currentDocumentKey());
  }

  @Test
  void aTruncatedDocumentFailsToReadInsteadOfEndingEarly() throws IOException {
    var sealed = new ByteArrayOutputStream();
    try (OutputStream out = keys.sealing(sealed, ROW)) {
      out.write(new byte[2 * 1024 * 1024]);
    }
    byte[] cut = java.util.Arrays.copyOf(sealed.toByteArray(), sealed.size() - 100);

    assertThatThrownBy(
            () -> {
              try (InputStream in = keys.opening(new ByteArrayInputStream(cut), ROW)) {
                in.readAllBytes();
              }
            })
        .isInstanceOf(IOException.class);
  }

  @Test
  void aNewKeyFileIsCreatedForItsOwnerOnlyAndReadBackTheSame() throws IOException {
    Path file = dataDir.resolve("keys").resolve("data.key");

    DataKeys created = DataKeys.readOrCreate(file).get();
    DataKeys read = DataKeys.readOrCreate(file).get();

    assertThat(read.currentValueKey()).isEqualTo(created.currentValueKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lockOf(file))))
        .isEqualTo("rw-------");
    try (var inFolder = Files.list(file.getParent())) {
      assertThat(inFolder).containsExactlyInAnyOrder(file, lockOf(file));
    }
  }

  @Test
  void instancesCreatingTheKeyFileTogetherAllUseTheKeysThatWereKept() throws Exception {
    Path file = dataDir.resolve("data.key");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      var created = new java.util.ArrayList<java.util.concurrent.Future<DataKeys>>();
      for (int i = 0; i < 8; i++) {
        created.add(
            pool.submit(() -> {
              start.await();
              return DataKeys.readOrCreate(file).get();
            }));
      }
      start.countDown();
      int kept = DataKeys.readOrCreate(file).get().currentValueKey();
      for (var each : created) {
        assertThat(each.get().currentValueKey()).isEqualTo(kept);
      }
    } finally {
      pool.shutdownNow();
    }
    try (var inFolder = Files.list(dataDir)) {
      assertThat(inFolder).containsExactlyInAnyOrder(file, lockOf(file));
    }
  }

  @Test
  void rotationsAtOnceKeepEveryKeyEitherMade() throws Exception {
    Path file = dataDir.resolve("data.key");
    byte[] sealed = DataKeys.readOrCreate(file).get().seal(PLAIN, ROW);
    var made = new java.util.concurrent.ConcurrentLinkedQueue<DataKeys>();

    together(() -> {
      for (int i = 0; i < 10; i++) {
        made.add(DataKeys.rotate(file).get());
      }
    });

    DataKeys kept = DataKeys.kept(file).get();
    assertThat(kept.keyCount()).isEqualTo(1 + 2 * 10);
    assertThat(made).allMatch(kept::holdsEveryPrimaryOf);
    assertThat(kept.open(sealed, ROW).get()).isEqualTo(PLAIN);
  }

  @Test
  void instancesUpgradingAKeyFileAtOnceAllUseTheLookupsKeyKept() throws Exception {
    Path file = keptWithoutLookups(dataDir.resolve("data.key"));
    var lookups = new java.util.concurrent.ConcurrentLinkedQueue<String>();

    together(() -> lookups.add(DataKeys.readOrCreate(file).get().lookup(PLAIN)));

    assertThat(lookups).hasSize(2).containsOnly(DataKeys.kept(file).get().lookup(PLAIN));
  }

  /** Runs the work on two threads that start together, as two instances would. */
  private static void together(Runnable work) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int i = 0; i < 2; i++) {
        done.add(
            pool.submit(() -> {
              start.await();
              work.run();
              return null;
            }));
      }
      start.countDown();
      for (var each : done) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A key file as written before lookups were keyed. */
  private Path keptWithoutLookups(Path file) throws IOException {
    var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(keys.toJson());
    ((tools.jackson.databind.node.ObjectNode) tree).remove("lookups");
    Files.writeString(file, tree.toString());
    return file;
  }

  private static Path lockOf(Path keyFile) {
    return keyFile.resolveSibling(keyFile.getFileName() + ".lock");
  }
}
