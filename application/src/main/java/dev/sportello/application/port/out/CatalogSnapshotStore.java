package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.CertificateId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Keeps the last catalogue listing and certificate descriptions, so that restarts and form renders
 * cost no calls.
 */
public interface CatalogSnapshotStore {

  Either<StorageFailure, Option<CatalogSnapshot>> loadListing();

  Either<StorageFailure, CatalogSnapshot> saveListing(CatalogSnapshot snapshot);

  Either<StorageFailure, Option<CachedCertificate>> loadCertificate(CertificateId id);

  Either<StorageFailure, CachedCertificate> saveCertificate(CachedCertificate certificate);
}
