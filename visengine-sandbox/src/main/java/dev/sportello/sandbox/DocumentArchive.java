package dev.sportello.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP that {@code GET /documento/{id}} returns base64-encoded: one generated PDF per delivered
 * file, plus, when a large document was asked for, a stored filler entry that brings the archive to
 * the requested size. The archive is streamed, never held whole: a 100 MB document costs a few
 * kilobytes of memory.
 */
final class DocumentArchive {

  private static final int CHUNK = 64 * 1024;

  /**
   * Zip headers a stored entry adds: local (30 bytes) and central (46 bytes), each plus its name.
   */
  private static final int STORED_ENTRY_OVERHEAD = 30 + 46;

  /** The filler's bytes: one repeated block, so any length can be produced without memory. */
  private static final byte[] FILLER_BLOCK = fillerBlock();

  private final DocumentSpec spec;
  private final List<byte[]> pdfs;
  private final long fillerLength;
  private final long fillerCrc;
  private final long zipSize;

  private DocumentArchive(DocumentSpec spec, List<byte[]> pdfs, long fillerLength, long zipSize) {
    this.spec = spec;
    this.pdfs = pdfs;
    this.fillerLength = fillerLength;
    this.fillerCrc = fillerLength > 0 ? fillerCrc(fillerLength) : 0;
    this.zipSize = zipSize;
  }

  static DocumentArchive of(DocumentSpec spec) {
    List<byte[]> pdfs =
        spec.entries().stream()
            .map(entry -> PdfDocument.render(entry.title(), entry.lines(), spec.producedAt()))
            .toList();
    CountingOutputStream counter = new CountingOutputStream();
    DocumentArchive natural = new DocumentArchive(spec, pdfs, 0, 0);
    natural.writeZip(counter);
    long naturalSize = counter.count;
    int nameLength = fillerName(spec).getBytes(StandardCharsets.UTF_8).length;
    long fillerLength =
        Math.max(0, spec.targetSize() - naturalSize - STORED_ENTRY_OVERHEAD - 2L * nameLength);
    if (fillerLength == 0) {
      return new DocumentArchive(spec, pdfs, 0, naturalSize);
    }
    long size = naturalSize + STORED_ENTRY_OVERHEAD + 2L * nameLength + fillerLength;
    return new DocumentArchive(spec, pdfs, fillerLength, size);
  }

  /**
   * Writes the whole success envelope, {@code {"data":{"nome","dimensione","file"},…}}, encoding
   * the ZIP to base64 on the fly.
   */
  void writeEnvelope(OutputStream out) throws IOException {
    String head =
        "{\"data\":{\"nome\":"
            + Json.write(Json.NODES.stringNode(spec.zipName()))
            + ",\"dimensione\":"
            + zipSize
            + ",\"file\":\"";
    out.write(head.getBytes(StandardCharsets.UTF_8));
    // Closing the encoder writes its final padding; the response stream itself stays open.
    try (OutputStream base64 = Base64.getEncoder().wrap(new KeepOpen(out))) {
      writeZip(base64);
    }
    out.write(
        "\"},\"success\":true,\"message\":\"\",\"error\":null}".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  void writeZip(OutputStream out) {
    try (ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out))) {
      long time = spec.producedAt().toEpochMilli();
      for (int i = 0; i < pdfs.size(); i++) {
        ZipEntry entry = new ZipEntry(spec.entries().get(i).fileName());
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(pdfs.get(i));
        zip.closeEntry();
      }
      if (fillerLength > 0) {
        ZipEntry filler = new ZipEntry(fillerName(spec));
        filler.setTime(time);
        filler.setMethod(ZipEntry.STORED);
        filler.setSize(fillerLength);
        filler.setCompressedSize(fillerLength);
        filler.setCrc(fillerCrc);
        zip.putNextEntry(filler);
        for (long written = 0; written < fillerLength; written += CHUNK) {
          zip.write(FILLER_BLOCK, 0, (int) Math.min(CHUNK, fillerLength - written));
        }
        zip.closeEntry();
      }
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private static String fillerName(DocumentSpec spec) {
    return spec.requestId() + "_filler.bin";
  }

  private static long fillerCrc(long length) {
    CRC32 crc = new CRC32();
    for (long done = 0; done < length; done += CHUNK) {
      crc.update(FILLER_BLOCK, 0, (int) Math.min(CHUNK, length - done));
    }
    return crc.getValue();
  }

  private static byte[] fillerBlock() {
    byte[] block = new byte[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      block[i] = (byte) (i * 31 + 7);
    }
    return block;
  }

  /** Counts bytes and discards them: sizes the archive without keeping it. */
  private static final class CountingOutputStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }
  }

  /** Passes writes through but not {@code close()}, so wrappers can be closed safely. */
  private static final class KeepOpen extends OutputStream {
    private final OutputStream target;

    KeepOpen(OutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      target.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }

    @Override
    public void close() throws IOException {
      target.flush();
    }
  }
}
