package dev.sportello.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal but valid one-page PDF 1.4 (Helvetica text, a correct cross-reference table), written
 * by hand so the sandbox needs no PDF library. It can be padded to any size with comment lines
 * after the header, which readers skip, without ever holding the padding in memory.
 */
final class PdfDocument {

  /** One comment line of padding: {@code %}, filler, newline. */
  private static final String PADDING_LINE = "%" + "0123456789".repeat(8).substring(0, 78) + "\n";

  /** 800 padding lines (64 000 bytes), written as one block. */
  private static final byte[] PADDING_BLOCK =
      PADDING_LINE.repeat(800).getBytes(StandardCharsets.ISO_8859_1);

  /** The PDF around its padding: {@code head}, {@code padding} bytes of comments, {@code tail}. */
  static final class Parts {
    private final byte[] head;
    private final long padding;
    private final byte[] tail;

    private Parts(byte[] head, long padding, byte[] tail) {
      this.head = head;
      this.padding = padding;
      this.tail = tail;
    }

    long size() {
      return head.length + padding + tail.length;
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(head);
      for (long left = padding / PADDING_BLOCK.length; left > 0; left--) {
        out.write(PADDING_BLOCK);
      }
      int rest = (int) (padding % PADDING_BLOCK.length);
      int line = PADDING_LINE.length();
      out.write(PADDING_BLOCK, 0, rest - rest % line);
      // The last, shorter line still starts with % and ends the comment with a newline.
      int last = rest % line;
      if (last > 1) {
        out.write(PADDING_BLOCK, 0, last - 1);
      }
      if (last > 0) {
        out.write('\n');
      }
      out.write(tail);
    }
  }

  private PdfDocument() {}

  static byte[] render(String title, List<String> lines, Instant producedAt) {
    Parts parts = layout(title, lines, producedAt, 0, false);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      parts.writeTo(pdf);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return pdf.toByteArray();
  }

  /**
   * The PDF with {@code padding} bytes of comment lines after its header. Its size grows by exactly
   * the padding, because every offset in it, {@code startxref}'s included, is written ten digits
   * wide.
   */
  static Parts render(String title, List<String> lines, Instant producedAt, long padding) {
    return layout(title, lines, producedAt, padding, true);
  }

  private static Parts layout(
      String title,
      List<String> lines,
      Instant producedAt,
      long padding,
      boolean fixedWidthStartxref) {
    StringBuilder content = new StringBuilder("BT\n/F1 16 Tf\n50 790 Td\n");
    content.append('(').append(escape(title)).append(") Tj\n/F1 11 Tf\n0 -28 Td\n");
    for (String line : lines) {
      content.append('(').append(escape(line)).append(") Tj\n0 -16 Td\n");
    }
    content.append('(').append(escape("Emesso: " + producedAt)).append(") Tj\nET\n");
    byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);

    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
                + " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Length "
                + stream.length
                + " >>\nstream\n"
                + new String(stream, StandardCharsets.ISO_8859_1)
                + "endstream",
            "<< /Title (" + escape(title) + ") /Producer (Sportello Visengine sandbox) >>");

    ByteArrayOutputStream head = new ByteArrayOutputStream();
    // The binary comment marks the file as binary for transfer tools, as the spec recommends.
    write(head, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
    long start = head.size() + padding;
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    List<Long> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(start + pdf.size());
      write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    long xref = start + pdf.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n");
    table.append("0000000000 65535 f \n");
    offsets.forEach(offset -> table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset)));
    table
        .append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R /Info 6 0 R >>\nstartxref\n")
        .append(fixedWidthStartxref ? String.format(Locale.ROOT, "%010d", xref) : xref)
        .append("\n%%EOF\n");
    write(pdf, table.toString());
    return new Parts(head.toByteArray(), padding, pdf.toByteArray());
  }

  /** PDF string literal escaping; characters outside Latin-1 become '?'. */
  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '(', ')', '\\' -> escaped.append('\\').append(c);
        default -> escaped.append(c < 0x20 || c > 0xFF ? '?' : c);
      }
    }
    return escaped.toString();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
