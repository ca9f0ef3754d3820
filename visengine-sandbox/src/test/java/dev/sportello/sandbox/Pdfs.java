package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Opens delivered ZIPs and checks that their PDFs are structurally valid. */
final class Pdfs {

  private Pdfs() {}

  /** Entry name to content; reading through ZipInputStream verifies every CRC. */
  static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException corrupt) {
      throw new UncheckedIOException(corrupt);
    }
    return entries;
  }

  static byte[] entry(Map<String, byte[]> entries, String name) {
    byte[] content = entries.get(name);
    assertThat(content).as("ZIP entry " + name).isNotNull();
    return content;
  }

  /**
   * A PDF a reader can open: header, trailer, {@code startxref} pointing at the table, and every
   * table offset pointing at its object.
   */
  static String assertValidPdf(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("%PDF-1.4\n").endsWith("%%EOF\n").contains("/Root 1 0 R");
    Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(text);
    assertThat(startxref.find()).isTrue();
    int table = Integer.parseInt(startxref.group(1));
    assertThat(text.substring(table)).startsWith("xref\n0 7\n0000000000 65535 f \n");
    Matcher entries = Pattern.compile("(\\d{10}) 00000 n \n").matcher(text.substring(table));
    int object = 1;
    while (entries.find()) {
      int offset = Integer.parseInt(entries.group(1));
      assertThat(text.substring(offset)).startsWith(object + " 0 obj\n");
      object++;
    }
    assertThat(object).isEqualTo(7);
    Matcher length = Pattern.compile("/Length (\\d+) >>\nstream\n").matcher(text);
    assertThat(length.find()).isTrue();
    int streamStart = length.end();
    assertThat(text.substring(streamStart + Integer.parseInt(length.group(1))))
        .startsWith("endstream");
    return text;
  }
}
