package dev.sportello.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** What an endpoint answers, before the HTTP layer (and any injected fault) gets to it. */
sealed interface Reply {

  /** A JSON envelope with its HTTP status. */
  record Body(int status, ObjectNode envelope) implements Reply {}

  /** A document download, streamed straight to the connection. */
  record Document(DocumentArchive archive) implements Reply {}

  /** Bytes of any type (a file from storage, or its XML error), streamed to the connection. */
  record Raw(
      int status, String contentType, Map<String, String> headers, long length, Content content)
      implements Reply {
    public Raw {
      headers = Map.copyOf(headers);
    }

    static Raw of(int status, String contentType, byte[] bytes) {
      return new Raw(status, contentType, Map.of(), bytes.length, out -> out.write(bytes));
    }
  }

  /** Writes a {@link Raw} reply's bytes. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  static Body ok(ObjectNode envelope) {
    return new Body(200, envelope);
  }

  static Body error(ApiRefusal error) {
    return new Body(error.row().status, Envelope.failure(error));
  }
}
