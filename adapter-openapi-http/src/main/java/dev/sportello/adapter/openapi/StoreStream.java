package dev.sportello.adapter.openapi;

import dev.sportello.application.port.out.RemoteFailure;
import io.vavr.control.Option;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The document store a download is written into, with its failures marked as the store's, so that
 * they are told apart from a failed read from upstream. It never closes the store: the caller owns
 * it.
 */
public final class StoreStream extends FilterOutputStream {
  public StoreStream(OutputStream target) {
    super(target);
  }

  /** The failure a write to the store means, when one is among the causes of what was thrown. */
  public static Option<RemoteFailure> failure(Throwable thrown) {
    int depth = 0;
    for (Throwable cause = thrown; cause != null && depth < 16; cause = cause.getCause(), depth++) {
      if (cause instanceof StoreFailure stored) {
        return Option.some(
            new RemoteFailure.Unavailable(
                "the document could not be written to the store: " + stored.getMessage()));
      }
    }
    return Option.none();
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException failed) {
      throw new StoreFailure(failed);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    try {
      out.write(bytes, offset, length);
    } catch (IOException failed) {
      throw new StoreFailure(failed);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException failed) {
      throw new StoreFailure(failed);
    }
  }

  @Override
  public void close() {
    // The caller owns the target.
  }

  /** A write to the store that failed. */
  private static final class StoreFailure extends IOException {
    private static final long serialVersionUID = 1L;

    StoreFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
