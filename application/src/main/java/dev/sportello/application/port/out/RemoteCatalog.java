package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** The upstream catalogue of certificates. */
public interface RemoteCatalog {

  /** Every certificate the account can order. */
  Either<RemoteFailure, List<CatalogEntry>> listCertificates();

  /** One certificate with its form, prices and extras. */
  Either<RemoteFailure, Certificate> describe(CertificateId id);
}
