package dev.sportello.domain.field;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file sent inline as {@code name|data:<mime>;base64,<payload>}. The payload may be megabytes
 * long, so it is checked by scanning the text once; only its first bytes are ever decoded.
 */
final class InlineFile {
  /** The longest file name accepted, in characters: the usual file-system limit. */
  static final int MAX_NAME_LENGTH = 255;

  private static final Pattern HEAD =
      Pattern.compile("([^|]*)\\|data:([^;,]*);base64,", Pattern.CASE_INSENSITIVE);
  // Twelve base64 characters decode to nine bytes, enough for every signature below.
  private static final int HEAD_CHARACTERS = 12;
  private static final List<Byte> PDF = List.ofAll("%PDF".getBytes(StandardCharsets.US_ASCII));
  private static final List<Byte> PNG =
      List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 0x0D, (byte) 0x0A)
          .append((byte) 0x1A)
          .append((byte) 0x0A);
  private static final List<Byte> JPEG = List.of((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
  // Cheap protection against a mislabelled file (a Word document sent as a PDF, say), which an
  // operator would refuse days later. Other allowed types are taken on trust.
  private static final Map<String, List<Byte>> SIGNATURES =
      HashMap.of("application/pdf", PDF, "image/png", PNG, "image/jpeg", JPEG);

  private InlineFile() {}

  /**
   * Checks a trimmed value.
   *
   * @return the value unchanged, or why it is not an acceptable file
   */
  static Either<Rejection, String> check(String value, ValuePolicy policy) {
    // Only the head is matched: the payload may be megabytes long.
    Matcher head = HEAD.matcher(value);
    if (!head.lookingAt()) {
      return reject("file.format", "a file is sent as name|data:<type>;base64,<content>");
    }
    Option<Rejection> nameProblem = nameProblem(head.group(1));
    if (nameProblem.isDefined()) {
      return Either.left(nameProblem.get());
    }
    String type = head.group(2);
    if (!policy.allowedFileTypes().exists(type::equalsIgnoreCase)) {
      return reject(
          "file.type",
          "files of this type are not accepted; accepted types: "
              + policy.allowedFileTypes().toList().sorted().mkString(", "));
    }
    String payload = value.substring(head.end());
    if (!isBase64(payload)) {
      return reject(
          "file.base64",
          "the content is not valid base64: only A–Z, a–z, 0–9, + and /, in groups of four,"
              + " with = padding only at the end");
    }
    long size = decodedSize(payload);
    if (size == 0) {
      return reject("file.empty", "the file is empty");
    }
    if (size > policy.maxFileBytes()) {
      return reject(
          "file.too_large",
          "the file is larger than the limit of " + policy.maxFileBytes() + " bytes");
    }
    List<Byte> firstBytes = List.ofAll(decodeFirstBytes(payload));
    if (SIGNATURES
        .get(type.toLowerCase(Locale.ROOT))
        .exists(signature -> !firstBytes.startsWith(signature))) {
      return reject("file.content", "the content is not a file of the declared type");
    }
    return Either.right(value);
  }

  private static Option<Rejection> nameProblem(String name) {
    if (name.isBlank()) {
      return problem("the file needs a name before the |");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return problem("the file name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
      return problem("the file name must be a plain name, without folders");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      return problem("the file name must not hold control characters");
    }
    return Option.none();
  }

  private static boolean isBase64(String payload) {
    if (payload.length() % 4 != 0) {
      return false;
    }
    int end = payload.length() - padding(payload);
    for (int i = 0; i < end; i++) {
      if (!isBase64Digit(payload.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBase64Digit(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/';
  }

  private static int padding(String payload) {
    if (payload.endsWith("==")) {
      return 2;
    }
    return payload.endsWith("=") ? 1 : 0;
  }

  private static long decodedSize(String payload) {
    return (long) payload.length() / 4 * 3 - padding(payload);
  }

  private static byte[] decodeFirstBytes(String payload) {
    // The payload is valid base64, so any prefix of whole groups of four decodes.
    return Base64.getDecoder()
        .decode(payload.substring(0, Math.min(payload.length(), HEAD_CHARACTERS)));
  }

  private static Option<Rejection> problem(String message) {
    return Option.some(new Rejection("file.name", message));
  }

  private static <T> Either<Rejection, T> reject(String code, String message) {
    return Either.left(new Rejection(code, message));
  }
}
