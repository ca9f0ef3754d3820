package dev.sportello.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.UnaryOperator;
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

    /** The same bytes with the middle one changed: the length holds, a checksum does not. */
    Raw corrupted() {
      return writtenThrough(out -> DamagedStreams.flippingByte(out, length / 2));
    }

    /** The same headers (the full length announced) but only the first half of the bytes. */
    Raw truncated() {
      return writtenThrough(out -> DamagedStreams.cutAfter(out, length / 2));
    }

    private Raw writtenThrough(UnaryOperator<OutputStream> damage) {
      return new Raw(
          status, contentType, headers, length, out -> content.writeTo(damage.apply(out)));
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
