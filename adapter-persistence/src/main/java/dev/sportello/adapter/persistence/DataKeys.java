package dev.sportello.adapter.persistence;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The keys that seal personal data at rest, and the sealing itself: values with AES-256-GCM,
 * documents with AES-256-GCM-HKDF in 1 MB segments so that they stream through a small heap, and
 * lookups (what a query filters on) with HMAC-SHA256. All three are Tink keysets, so keys rotate by
 * adding a new primary key while the older ones still open what they sealed.
 *
 * <p>Every ciphertext names the key that sealed it: Tink puts the key id in front of each value,
 * and a document starts with the id of its key, so that what an older key sealed can be found
 * without opening it. What is sealed is bound to where it belongs (the associated data), so a
 * ciphertext copied to another row does not open there.
 */
final class DataKeys {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String VALUES = "values";
  private static final String DOCUMENTS = "documents";
  private static final String LOOKUPS = "lookups";

  /** Tink's prefix on a value: a version byte, then the id of the key that sealed it. */
  private static final byte TINK_PREFIX = 1;

  private static final int LOOKUP_BYTES = 16;

  static {
    try {
      AeadConfig.register();
      StreamingAeadConfig.register();
      PrfConfig.register();
    } catch (GeneralSecurityException impossible) {
      // Registration fails only when Tink's own key managers are missing from its jar.
      throw new IllegalStateException(impossible);
    }
  }

  private final KeysetHandle valueKeys;
  private final KeysetHandle documentKeys;
  private final KeysetHandle lookupKeys;
  private final Aead values;
  private final StreamingAead documents;
  private final PrfSet lookups;

  private DataKeys(KeysetHandle valueKeys, KeysetHandle documentKeys, KeysetHandle lookupKeys)
      throws GeneralSecurityException {
    this.valueKeys = valueKeys;
    this.documentKeys = documentKeys;
    this.lookupKeys = lookupKeys;
    this.values = valueKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
    this.documents = documentKeys.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
    this.lookups = lookupKeys.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
  }

  /** New keys: one for values, one for documents, one for lookups. */
  static DataKeys generate() {
    return unchecked(() ->
        new DataKeys(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
            KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB),
            KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)));
  }

  /**
   * These keys with a new primary key in each keyset: what is sealed from now on uses the new keys,
   * and the older ones stay to open what they sealed.
   */
  DataKeys rotated() {
    return unchecked(() ->
        new DataKeys(
            withNewPrimary(valueKeys, PredefinedAeadParameters.AES256_GCM),
            withNewPrimary(documentKeys, PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB),
            withNewPrimary(lookupKeys, PredefinedPrfParameters.HMAC_SHA256_PRF)));
  }

  private static KeysetHandle withNewPrimary(KeysetHandle keys, Parameters parameters)
      throws GeneralSecurityException {
    return KeysetHandle.newBuilder(keys)
        .addEntry(KeysetHandle.generateEntryFromParameters(parameters).withRandomId().makePrimary())
        .build();
  }

  /** Whether these keys can open all that {@code others} seal now. */
  boolean holdsEveryPrimaryOf(DataKeys others) {
    return holds(valueKeys, others.valueKeys.getPrimary().getId())
        && holds(documentKeys, others.documentKeys.getPrimary().getId())
        && holds(lookupKeys, others.lookupKeys.getPrimary().getId());
  }

  private static boolean holds(KeysetHandle keys, int id) {
    for (int i = 0; i < keys.size(); i++) {
      if (keys.getAt(i).getId() == id) {
        return true;
      }
    }
    return false;
  }

  /** How many keys each keyset holds: more than one after a rotation. */
  int keyCount() {
    return Math.max(valueKeys.size(), Math.max(documentKeys.size(), lookupKeys.size()));
  }

  /**
   * Reads keys written by {@link #toJson()}. Keys written before lookups were keyed have no lookups
   * keyset: one is generated, and {@link #readOrCreate} keeps it in the key file.
   *
   * @return the keys, or why the text holds none (never the text itself: it is secret)
   */
  static Either<String, DataKeys> fromJson(String json) {
    return Try.of(() -> JSON.readTree(json))
        .toEither()
        .mapLeft(unreadable -> "the data key is not JSON")
        .flatMap(tree ->
            tree.has(VALUES) && tree.has(DOCUMENTS)
                ? Either.right(tree)
                : Either.left("the data key needs both a values and a documents keyset"))
        .flatMap(tree ->
            Try.of(() ->
                    new DataKeys(
                        keyset(tree.get(VALUES)),
                        keyset(tree.get(DOCUMENTS)),
                        tree.has(LOOKUPS)
                            ? keyset(tree.get(LOOKUPS))
                            : KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)))
                .toEither()
                .mapLeft(invalid -> "the data key's keysets cannot be read"));
  }

  /**
   * Reads keys given as text, which nothing can complete: text written before lookups were keyed is
   * refused, since a lookups key generated at each start would not find what the last one wrote.
   */
  static Either<String, DataKeys> given(String json) {
    return fromJson(json)
        .flatMap(keys ->
            complete(json)
                ? Either.right(keys)
                : Either.left(
                    "the data key has no lookups keyset: `sportello keys rotate-data-key` prints"
                        + " one that has"));
  }

  /** Whether the text holds every keyset, or lacks one {@link #fromJson} generated. */
  private static boolean complete(String json) {
    return Try.of(() -> JSON.readTree(json).has(LOOKUPS)).getOrElse(false);
  }

  private static KeysetHandle keyset(JsonNode node) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.parseKeyset(node.toString(), InsecureSecretKeyAccess.get());
  }

  /** The keys as JSON: secret, to be kept only where its owner alone can read it. */
  String toJson() {
    ObjectNode tree = JSON.createObjectNode();
    tree.set(VALUES, JSON.readTree(serialised(valueKeys)));
    tree.set(DOCUMENTS, JSON.readTree(serialised(documentKeys)));
    tree.set(LOOKUPS, JSON.readTree(serialised(lookupKeys)));
    return tree.toString();
  }

  private static String serialised(KeysetHandle keys) {
    return unchecked(
        () -> TinkJsonProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get()));
  }

  /** The id of the key that seals values now. */
  int currentValueKey() {
    return valueKeys.getPrimary().getId();
  }

  /** The id of the key that seals documents now. */
  int currentDocumentKey() {
    return documentKeys.getPrimary().getId();
  }

  /** The id of the key that sealed a value, when it is one of Tink's prefixed ciphertexts. */
  static int keyOf(byte[] sealed) {
    if (sealed.length < 5 || sealed[0] != TINK_PREFIX) {
      return 0;
    }
    return ((sealed[1] & 0xff) << 24)
        | ((sealed[2] & 0xff) << 16)
        | ((sealed[3] & 0xff) << 8)
        | (sealed[4] & 0xff);
  }

  /**
   * What an equality query looks a value up by: a keyed hash, so that the value itself is not
   * stored in clear, and the same value finds the same rows. Computed with the current key.
   */
  String lookup(byte[] plain) {
    return HexFormat.of().formatHex(unchecked(() -> lookups.computePrimary(plain, LOOKUP_BYTES)));
  }

  /**
   * The value's lookup under every key held, the current one first: rows written before a rotation,
   * and not yet sealed again, are found by an older key's lookup.
   */
  java.util.List<String> lookups(byte[] plain) {
    Map<Integer, Prf> all = unchecked(lookups::getPrfs);
    var found = new java.util.ArrayList<String>(all.size());
    found.add(lookup(plain));
    for (Map.Entry<Integer, Prf> key : all.entrySet()) {
      if (key.getKey() != lookups.getPrimaryId()) {
        found.add(
            HexFormat.of().formatHex(unchecked(() -> key.getValue().compute(plain, LOOKUP_BYTES))));
      }
    }
    return found;
  }

  /** The id of the lookups key that computes {@link #lookup}s now. */
  int currentLookupKey() {
    return lookups.getPrimaryId();
  }

  /** The value's lookup under the lookups key with that id; none when no such key is held. */
  Option<String> lookupUnder(int keyId, byte[] plain) {
    return Option.of(unchecked(lookups::getPrfs).get(keyId))
        .map(prf -> HexFormat.of().formatHex(unchecked(() -> prf.compute(plain, LOOKUP_BYTES))));
  }

  /** Seals a value for the place named by {@code context}. */
  byte[] seal(byte[] plain, byte[] context) {
    return unchecked(() -> values.encrypt(plain, context));
  }

  /**
   * Opens a value sealed for the place named by {@code context}.
   *
   * @return the value, or why not: it was altered, sealed for another place, or sealed by a key
   *     that is not held
   */
  Either<String, byte[]> open(byte[] sealed, byte[] context) {
    return Try.of(() -> values.decrypt(sealed, context))
        .toEither()
        .mapLeft(failure -> "a sealed value does not open with the data key");
  }

  /**
   * Wraps a document's destination: what is written through the returned stream is sealed in
   * segments, after the id of the current key. Closing it writes the last segment.
   */
  OutputStream sealing(OutputStream destination, byte[] context) throws IOException {
    var out = new DataOutputStream(destination);
    out.writeInt(currentDocumentKey());
    try {
      return documents.newEncryptingStream(out, context);
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * Opens a sealed document as a stream; reading it fails with an {@link IOException} where the
   * document was altered or truncated.
   */
  InputStream opening(InputStream sealed, byte[] context) throws IOException {
    keyOf(sealed);
    try {
      return documents.newDecryptingStream(sealed, context);
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The id of the key that sealed the document the stream starts with. */
  static int keyOf(InputStream sealed) throws IOException {
    return new DataInputStream(sealed).readInt();
  }

  /** Keys are never shown, whatever prints this object. */
  @Override
  public String toString() {
    return "DataKeys[values key "
        + currentValueKey()
        + ", documents key "
        + currentDocumentKey()
        + ", "
        + keyCount()
        + " keys per keyset]";
  }

  /**
   * Reads the keys kept in a file, or makes new ones and keeps them there when there is no file
   * yet. The file is created readable by its owner only; instances sharing the folder read, create
   * and complete it one at a time, under the key file's lock, so they all use the keys kept.
   */
  static Either<String, DataKeys> readOrCreate(Path file) {
    return locked(
        file,
        () -> {
          if (!Files.exists(file)) {
            Either<String, Boolean> published = generate().publish(file);
            if (published.isLeft()) {
              return Either.left(published.getLeft());
            }
          }
          Either<String, String> text = read(file);
          Either<String, DataKeys> keys = text.flatMap(DataKeys::fromJson);
          if (keys.isRight() && !complete(text.get())) {
            return keys.get().replace(file).flatMap(kept -> kept(file));
          }
          return keys;
        });
  }

  /** Reads the keys kept in an existing file, as another process may have rotated them. */
  static Either<String, DataKeys> kept(Path file) {
    return read(file).flatMap(DataKeys::fromJson);
  }

  private static Either<String, String> read(Path file) {
    return Try.of(() -> Files.readString(file))
        .toEither()
        .mapLeft(unreadable -> "the data key file " + file + " cannot be read");
  }

  /**
   * Rotates the keys kept in a file: the file is replaced, atomically, by one that holds a new
   * primary key beside every older key.
   *
   * @return the rotated keys, or why the file cannot be read or replaced
   */
  static Either<String, DataKeys> rotate(Path file) {
    if (!Files.exists(file)) {
      // Read first, so that a missing file leaves no lock file behind either.
      return kept(file);
    }
    return locked(
        file,
        () ->
            kept(file)
                .map(DataKeys::rotated)
                .flatMap(rotated -> rotated.replace(file))
                .flatMap(replaced -> kept(file)));
  }

  /**
   * Runs a read, change and replacement of a key file while holding the lock file beside it, so
   * that two instances upgrading or rotating the keys at once do not drop a key the other kept.
   */
  private static <T> Either<String, T> locked(Path file, Supplier<Either<String, T>> work) {
    Path absolute = file.toAbsolutePath();
    Path lock = absolute.resolveSibling(absolute.getFileName() + ".lock");
    try {
      return DurableFiles.exclusively(lock, work::get);
    } catch (IOException failure) {
      return Either.left("the data key lock " + lock + " cannot be taken");
    }
  }

  /** Writes the keys beside {@code file} and moves them over it in one step. */
  private Either<String, Path> replace(Path file) {
    Path absolute = file.toAbsolutePath();
    Path partial = partial(absolute);
    try {
      written(partial);
      DurableFiles.replace(partial, absolute);
      return Either.right(absolute);
    } catch (IOException | RuntimeException failure) {
      return Either.left("the data key file " + file + " cannot be written");
    } finally {
      deleteQuietly(partial);
    }
  }

  private static Path partial(Path absolute) {
    Path directory = Objects.requireNonNull(absolute.getParent(), "a file has a folder");
    return directory.resolve(absolute.getFileName() + "." + UUID.randomUUID() + ".new");
  }

  /** Writes the keys to a new owner-only file and syncs it to disk. */
  private void written(Path partial) throws IOException {
    OwnerOnly.createDirectories(Objects.requireNonNull(partial.getParent(), "a file has a folder"));
    Files.writeString(OwnerOnly.createFile(partial), toJson(), StandardOpenOption.WRITE);
    DurableFiles.sync(partial);
  }

  private static void deleteQuietly(Path partial) {
    try {
      Files.deleteIfExists(partial);
    } catch (IOException ignored) {
      // A leftover copy is owner-only, like the key file itself.
    }
  }

  /**
   * Writes the keys beside {@code file} under a name of their own, then links them in place unless
   * a file is there already; the written copy is removed whatever happens.
   *
   * @return whether these keys were published; false when other keys were there first
   */
  private Either<String, Boolean> publish(Path file) {
    Path absolute = file.toAbsolutePath();
    Path partial = partial(absolute);
    try {
      written(partial);
      try {
        Files.createLink(absolute, partial);
      } catch (UnsupportedOperationException noLinks) {
        Files.move(partial, absolute);
      }
      DurableFiles.syncFolder(Objects.requireNonNull(absolute.getParent(), "a file has a folder"));
      return Either.right(true);
    } catch (FileAlreadyExistsException taken) {
      return Either.right(false);
    } catch (IOException | RuntimeException failure) {
      return Either.left("the data key file " + file + " cannot be written");
    } finally {
      deleteQuietly(partial);
    }
  }

  private interface Step<T> {
    T run() throws GeneralSecurityException;
  }

  /**
   * Tink throws checked exceptions where only a broken installation or a bug could fail: sealing
   * with a held key, and serialising a keyset it built.
   */
  private static <T> T unchecked(Step<T> step) {
    try {
      return step.run();
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
