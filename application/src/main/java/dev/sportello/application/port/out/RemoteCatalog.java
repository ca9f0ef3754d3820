package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** The upstream catalogue of certificates. */
public interface RemoteCatalog {

  /**
   * Every certificate the account can order.
   *
   * @return the certificates, or why upstream did not list them
   */
  Either<RemoteFailure, List<CatalogEntry>> listCertificates();

  /**
   * One certificate with its form, prices and extras.
   *
   * @param id the certificate
   * @return the certificate, or why upstream did not describe it
   */
  Either<RemoteFailure, Certificate> describe(CertificateId id);
}
