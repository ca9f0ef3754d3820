package dev.sportello.adapter.persistence;

import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Text kept sealed in a text column: {@code sealed:}, then the ciphertext in Base64. Each text is
 * sealed for its place (the associated data), so that a sealed text copied to another place does
 * not open there.
 */
final class SealedText {
  /** What a sealed text starts with. */
  private static final String SEALED = "sealed:";

  private final LiveKeys keys;

  SealedText(LiveKeys keys) {
    this.keys = keys;
  }

  /** Whether the stored text is sealed, rather than written before sealing. */
  static boolean isSealed(String stored) {
    return stored.startsWith(SEALED);
  }

  /** The text sealed for its place with the current key. */
  String sealed(String plain, byte[] place) {
    return SEALED
        + Base64.getEncoder()
            .encodeToString(keys.current().seal(plain.getBytes(StandardCharsets.UTF_8), place));
  }

  /**
   * The plain text of a sealed text.
   *
   * @return the text, or why it does not open (not sealed, altered, sealed for another place or by
   *     a key not held); never the text
   */
  Either<String, String> opened(String stored, byte[] place) {
    if (!isSealed(stored)) {
      return Either.left("it is not sealed");
    }
    return decoded(stored.substring(SEALED.length()))
        .flatMap(sealed -> keys.current().open(sealed, place))
        .map(plain -> new String(plain, StandardCharsets.UTF_8));
  }

  /** Whether the text is sealed with the current key; plain or malformed text is not. */
  boolean sealedWithCurrentKey(String stored) {
    if (!isSealed(stored)) {
      return false;
    }
    // Tink's five-byte prefix is in the first eight characters of the Base64 form.
    return decoded(
            stored.substring(SEALED.length(), Math.min(stored.length(), SEALED.length() + 8)))
        .map(prefix -> DataKeys.keyOf(prefix) == keys.current().currentValueKey())
        .getOrElse(false);
  }

  private static Either<String, byte[]> decoded(String base64) {
    try {
      return Either.right(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException malformed) {
      return Either.left("it is not Base64");
    }
  }
}
