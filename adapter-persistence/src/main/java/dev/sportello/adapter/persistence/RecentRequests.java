package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requests last read, each kept with the row it was read from, so that reading the same row
 * again skips opening its sealed columns and decoding its JSON, which is most of a read's work.
 *
 * <p>A request is answered from here only for a row equal, column for column, to the one it came
 * from (the version included), opened with the keys in use now: any change to the row, made here,
 * by another instance on the same database, by the retention job or by hand, is read afresh, and so
 * is every row once the keys change (a new key file may no longer hold a key that sealed a row). A
 * row that does not read is never kept.
 *
 * <p>What is kept holds personal data in clear, so it is kept briefly: at most {@code capacity}
 * requests, none answered later than {@code maxAge} after it was read, and none held longer than
 * {@code maxAge} plus the time between two calls of {@link #sweep} (older ones are also swept out
 * as reads come in). A request whose personal data is erased is dropped once the erasure commits; a
 * read of the row as it was before, still under way then, can keep it again, until swept.
 */
final class RecentRequests {
  private final int capacity;
  private final long maxAgeMillis;
  private final Clock clock;
  private final RequestRows rows;

  /** In the order they were read, so that the oldest are first to go. */
  private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>();

  private record Kept(
      RequestRow row, DataKeys keys, Stored<CertificateRequest> request, long readAtMillis) {}

  RecentRequests(RequestRows rows, int capacity, Duration maxAge, Clock clock) {
    if (capacity < 1 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("keep at least one request, for some time");
    }
    this.rows = rows;
    this.capacity = capacity;
    this.maxAgeMillis = maxAge.toMillis();
    this.clock = clock;
  }

  /** The request a row holds: as kept when the row is the one it was read from, else read now. */
  Either<StorageFailure, Stored<CertificateRequest>> request(RequestRow row) {
    long now = clock.millis();
    // Taken before the row is opened: keys that change meanwhile make the request read afresh.
    DataKeys keys = rows.keysInUse();
    synchronized (this) {
      sweep(now);
      Kept found = kept.get(row.id());
      if (found != null && found.keys() == keys && found.row().equals(row)) {
        return Either.right(found.request());
      }
    }
    Either<StorageFailure, Stored<CertificateRequest>> read = rows.toDomain(row);
    synchronized (this) {
      kept.remove(row.id());
      if (read.isRight()) {
        kept.put(row.id(), new Kept(row, keys, read.get(), now));
        if (kept.size() > capacity) {
          kept.remove(kept.keySet().iterator().next());
        }
      }
    }
    return read;
  }

  /** Drops a request, such as when its personal data was erased. */
  synchronized void forget(String id) {
    kept.remove(id);
  }

  /** Drops the requests kept longer than the maximum age. */
  void sweep() {
    long now = clock.millis();
    synchronized (this) {
      sweep(now);
    }
  }

  /** How many requests are kept. */
  synchronized int size() {
    return kept.size();
  }

  /** A clock set back makes what was kept look too old rather than young. */
  private void sweep(long now) {
    Iterator<Map.Entry<String, Kept>> oldestFirst = kept.entrySet().iterator();
    while (oldestFirst.hasNext()) {
      long age = now - oldestFirst.next().getValue().readAtMillis();
      if (age >= 0 && age < maxAgeMillis) {
        return;
      }
      oldestFirst.remove();
    }
  }
}
