package dev.sportello.adapter.openapi;

import feign.Response;
import feign.codec.Decoder;
import feign.jackson3.Jackson3Decoder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes a 2xx answer into its {@link Envelope}, an engine's own record of it. When upstream says
 * the call failed ({@code success:false} with HTTP 2xx) it throws an {@link UpstreamAnswer}; when
 * the body is empty or not the expected JSON it throws {@link Malformed}, quoting the trimmed body
 * unless the client's answers may hold secrets.
 */
final class EnvelopeDecoder implements Decoder {
  private static final int QUOTED_HEAD = 1024;

  private final JsonMapper mapper;
  private final boolean quoting;

  /**
   * @param quoting whether an unreadable body is quoted; never where answers may hold secrets
   */
  EnvelopeDecoder(JsonMapper mapper, boolean quoting) {
    this.mapper = mapper;
    this.quoting = quoting;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.body() == null) {
      throw new Malformed(Bodies.withheld(response.status(), new byte[0]));
    }
    HeadKeeping body = new HeadKeeping(response.body().asInputStream());
    Object decoded;
    try {
      decoded =
          new Jackson3Decoder(mapper)
              .decode(response.toBuilder().body(body, response.body().length()).build(), type);
    } catch (JacksonException unreadable) {
      if (unreadable.getCause() instanceof IOException lost) {
        throw lost;
      }
      throw new Malformed(
          quoting
              ? "HTTP "
                  + response.status()
                  + " with a body that is not the expected JSON: "
                  + Bodies.quote(body.head())
              : "not the expected JSON: " + Bodies.withheld(response.status(), body.head()));
    } finally {
      body.close();
    }
    if (!(decoded instanceof Envelope<?> envelope)) {
      throw new Malformed(
          quoting
              ? Bodies.describe(response.status(), body.head())
              : Bodies.withheld(response.status(), body.head()));
    }
    if (envelope.failed()) {
      String message = envelope.message() == null ? "" : envelope.message().strip();
      String code =
          envelope.error() == null || envelope.error().isBlank() ? null : envelope.error().strip();
      throw new UpstreamAnswer(
          response.status(),
          code,
          message.isEmpty() ? "upstream said the call failed" : message,
          true);
    }
    return envelope;
  }

  /** An answer that cannot be read as what it should be. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** Keeps the first bytes read, to quote an unreadable body. */
  private static final class HeadKeeping extends FilterInputStream {
    private final byte[] head = new byte[QUOTED_HEAD];
    private int kept;

    HeadKeeping(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && kept < head.length) {
        head[kept++] = (byte) b;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0 && kept < head.length) {
        int copied = Math.min(read, head.length - kept);
        System.arraycopy(buffer, offset, head, kept, copied);
        kept += copied;
      }
      return read;
    }

    @Override
    public void close() {
      try {
        super.close();
      } catch (IOException ignored) {
        // Nothing more to read from it.
      }
    }

    byte[] head() {
      return Arrays.copyOf(head, kept);
    }
  }
}
