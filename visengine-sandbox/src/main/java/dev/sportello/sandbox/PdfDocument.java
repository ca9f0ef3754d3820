package dev.sportello.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal but valid one-page PDF 1.4 (Helvetica text, a correct cross-reference table), written
 * by hand so the sandbox needs no PDF library.
 */
final class PdfDocument {

  private PdfDocument() {}

  static byte[] render(String title, List<String> lines, Instant producedAt) {
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

    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    // The binary comment marks the file as binary for transfer tools, as the spec recommends.
    write(pdf, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.size());
      write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = pdf.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n");
    table.append("0000000000 65535 f \n");
    offsets.forEach(offset -> table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset)));
    table
        .append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R /Info 6 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    write(pdf, table.toString());
    return pdf.toByteArray();
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
