package dev.sportello.application.service;

import dev.sportello.domain.shared.Violation;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque cursors of newest-first listings: the (creation time, id) of a page's last item, encoded
 * so that callers do not build them.
 */
final class Cursors {
  private static final int MAX_LENGTH = 200;

  private Cursors() {}

  /** The problem with a cursor that {@link #decode} does not take, or that names no item. */
  static Violation unknownCursor() {
    return Violation.general(
        "cursor", "invalid_cursor", "the cursor is not one this service handed out");
  }

  /** The problem with a page size outside 1 to {@code max}, if it is. */
  static Option<Violation> limitOutside(int limit, int max) {
    return limit < 1 || limit > max
        ? Option.some(Violation.general("limit", "invalid_limit", "the limit is 1 to " + max))
        : Option.none();
  }

  static String encode(Instant createdAt, String id) {
    String plain = createdAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor names, or none for text this service never handed out. */
  static Option<Tuple2<Instant, String>> decode(String cursor) {
    if (cursor.length() > MAX_LENGTH) {
      return Option.none();
    }
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = plain.indexOf('|');
      if (bar < 0) {
        return Option.none();
      }
      return Option.some(
          Tuple.of(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1)));
    } catch (IllegalArgumentException | DateTimeException malformed) {
      return Option.none();
    }
  }
}
