package dev.sportello.application.testing;

import dev.sportello.application.port.out.CachedCertificate;
import dev.sportello.application.port.out.CatalogSnapshot;
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.catalog.CertificateId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The catalogue cache in memory. */
public final class InMemoryCatalogSnapshotStore implements CatalogSnapshotStore {
  private final AtomicReference<Option<CatalogSnapshot>> listing =
      new AtomicReference<>(Option.none());
  private final ConcurrentHashMap<CertificateId, CachedCertificate> certificates =
      new ConcurrentHashMap<>();

  @Override
  public Either<StorageFailure, Option<CatalogSnapshot>> loadListing() {
    return Either.right(listing.get());
  }

  @Override
  public Either<StorageFailure, CatalogSnapshot> saveListing(CatalogSnapshot snapshot) {
    listing.set(Option.some(snapshot));
    return Either.right(snapshot);
  }

  @Override
  public Either<StorageFailure, Option<CachedCertificate>> loadCertificate(CertificateId id) {
    return Either.right(Option.of(certificates.get(id)));
  }

  @Override
  public Either<StorageFailure, CachedCertificate> saveCertificate(CachedCertificate certificate) {
    certificates.put(certificate.certificate().id(), certificate);
    return Either.right(certificate);
  }
}
