package dev.sportello.adapter.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading bounded parts of bodies for error messages. */
final class Bodies {
  /** The most of an error body that is ever read. */
  static final int ERROR_BODY_LIMIT = 64 * 1024;

  /** The most of a body that is ever quoted in a message. */
  static final int QUOTE_LIMIT = 200;

  private Bodies() {}

  /** Up to {@code limit} bytes of a stream. */
  static byte[] head(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int total = 0;
    while (total < limit) {
      int read = in.read(buffer, 0, Math.min(buffer.length, limit - total));
      if (read < 0) {
        break;
      }
      out.write(buffer, 0, read);
      total += read;
    }
    return out.toByteArray();
  }

  /** A body as a short one-line text: tags dropped, blanks collapsed, cut to a quotable length. */
  static String quote(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    text = text.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ");
    text = text.replaceAll("<[^>]*>", " ");
    text = text.replaceAll("\\s+", " ").strip();
    if (text.length() > QUOTE_LIMIT) {
      text = text.substring(0, QUOTE_LIMIT) + "…";
    }
    return text;
  }

  /** A short message about a status and a body, for answers that are not an envelope. */
  static String describe(int status, byte[] body) {
    String quoted = quote(body);
    return quoted.isEmpty()
        ? "HTTP " + status + " with an empty body"
        : "HTTP " + status + ": " + quoted;
  }

  /**
   * What is said of a body by a client whose answers may hold secrets (the OAuth service's hold
   * tokens): its size, never its text.
   */
  static String withheld(int status, byte[] body) {
    return body.length == 0
        ? "HTTP " + status + " with an empty body"
        : "HTTP " + status + " with a body of " + body.length + " bytes, not quoted";
  }
}
