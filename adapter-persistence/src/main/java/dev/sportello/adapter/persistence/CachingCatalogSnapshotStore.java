package dev.sportello.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.sportello.application.port.out.CachedCertificate;
import dev.sportello.application.port.out.CatalogSnapshot;
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.catalog.CertificateId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * A bounded copy in memory in front of the database's catalogue, so that browsing and form renders
 * read no row. Whether a copy is fresh enough is decided by the catalogue's own TTL against the
 * time it was fetched; memory only bounds how long and how much is held here, and a copy that was
 * not saved (the database being down) is still served from memory until it expires.
 */
final class CachingCatalogSnapshotStore implements CatalogSnapshotStore {
  /**
   * More certificates than the engines publish together, far fewer than would matter for the heap.
   */
  static final long MAX_CERTIFICATES = 2_000;

  /** How long a copy stays in memory; other instances' refreshes are seen after at most this. */
  static final Duration IN_MEMORY = Duration.ofMinutes(10);

  /** The listing is a single value, kept under this one key. */
  private enum Listing {
    THE
  }

  private final CatalogSnapshotStore database;
  private final Cache<Listing, CatalogSnapshot> listing;
  private final Cache<CertificateId, CachedCertificate> certificates;

  CachingCatalogSnapshotStore(CatalogSnapshotStore database) {
    this(database, Ticker.systemTicker());
  }

  /** With the ticker that times the copies held; tests pass their own. */
  CachingCatalogSnapshotStore(CatalogSnapshotStore database, Ticker ticker) {
    this.database = database;
    this.listing = memory(1, ticker);
    this.certificates = memory(MAX_CERTIFICATES, ticker);
  }

  /** Evictions run on the calling thread: they are cheap, and need no pool of their own. */
  private static <K, V> Cache<K, V> memory(long size, Ticker ticker) {
    return Caffeine.newBuilder()
        .maximumSize(size)
        .expireAfterWrite(IN_MEMORY)
        .ticker(ticker)
        .executor(Runnable::run)
        .build();
  }

  @Override
  public Either<StorageFailure, Option<CatalogSnapshot>> loadListing() {
    Option<CatalogSnapshot> held = Option.of(listing.getIfPresent(Listing.THE));
    return held.isDefined()
        ? Either.right(held)
        : database
            .loadListing()
            .peek(found -> found.forEach(copy -> listing.put(Listing.THE, copy)));
  }

  @Override
  public Either<StorageFailure, CatalogSnapshot> saveListing(CatalogSnapshot snapshot) {
    listing.put(Listing.THE, snapshot);
    return database.saveListing(snapshot);
  }

  @Override
  public Either<StorageFailure, Option<CachedCertificate>> loadCertificate(CertificateId id) {
    Option<CachedCertificate> held = Option.of(certificates.getIfPresent(id));
    return held.isDefined()
        ? Either.right(held)
        : database
            .loadCertificate(id)
            .peek(found -> found.forEach(copy -> certificates.put(id, copy)));
  }

  @Override
  public Either<StorageFailure, CachedCertificate> saveCertificate(CachedCertificate certificate) {
    certificates.put(certificate.certificate().id(), certificate);
    return database.saveCertificate(certificate);
  }
}
