package dev.sportello.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * What to put in the ZIP a request's document download returns, captured under the simulator's lock
 * so the (possibly very large) archive can be written without holding it.
 *
 * @param entries one PDF per delivered file, in {@code allegati} order
 * @param targetSize the requested size of the ZIP in bytes, or 0 for its natural size
 */
record DocumentSpec(
    String requestId,
    String productName,
    Instant producedAt,
    List<Entry> entries,
    long targetSize) {

  DocumentSpec {
    entries = List.copyOf(entries);
  }

  /** One PDF: its file name inside the ZIP, its title and the lines printed under the title. */
  record Entry(String fileName, String title, List<String> lines) {
    Entry {
      lines = List.copyOf(lines);
    }
  }

  String zipName() {
    return requestId + ".zip";
  }
}
