package dev.sportello.sandbox;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Output streams that damage what passes through them, for the download faults. */
final class DamagedStreams {

  private DamagedStreams() {}

  /** Passes everything through but the byte at {@code position}, which it inverts. */
  static OutputStream flippingByte(OutputStream target, long position) {
    return new FilterOutputStream(target) {
      private long written;

      @Override
      public void write(int b) throws IOException {
        out.write(written++ == position ? ~b : b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        if (position < written || position >= written + length) {
          out.write(bytes, offset, length);
          written += length;
          return;
        }
        int before = (int) (position - written);
        out.write(bytes, offset, before);
        written += before;
        write(bytes[offset + before]);
        out.write(bytes, offset + before + 1, length - before - 1);
        written += length - before - 1;
      }

      @Override
      public void close() {
        // the response stream is closed by the HTTP layer
      }
    };
  }

  /** Passes the first {@code limit} bytes through and swallows the rest. */
  static OutputStream cutAfter(OutputStream target, long limit) {
    return new FilterOutputStream(target) {
      private long written;

      @Override
      public void write(int b) throws IOException {
        if (written++ < limit) {
          out.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        int kept = (int) Math.max(0, Math.min(length, limit - written));
        out.write(bytes, offset, kept);
        written += length;
      }

      @Override
      public void close() {
        // the response stream is closed by the HTTP layer
      }
    };
  }
}
