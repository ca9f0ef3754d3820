package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.CertificateId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Keeps the last catalogue listing and certificate descriptions, so that restarts and form renders
 * cost no calls.
 */
public interface CatalogSnapshotStore {

  /**
   * The listing last saved.
   *
   * @return the listing, none when none was saved, or why the store failed
   */
  Either<StorageFailure, Option<CatalogSnapshot>> loadListing();

  /**
   * Keeps the listing in place of the one saved before.
   *
   * @param snapshot the listing and when it was read
   * @return the listing as saved, or why the store failed
   */
  Either<StorageFailure, CatalogSnapshot> saveListing(CatalogSnapshot snapshot);

  /**
   * The certificate's description last saved.
   *
   * @param id the certificate
   * @return the description, none when none was saved, or why the store failed
   */
  Either<StorageFailure, Option<CachedCertificate>> loadCertificate(CertificateId id);

  /**
   * Keeps a certificate's description in place of the one saved before.
   *
   * @param certificate the description and when it was read
   * @return the description as saved, or why the store failed
   */
  Either<StorageFailure, CachedCertificate> saveCertificate(CachedCertificate certificate);
}
