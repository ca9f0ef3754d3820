package dev.sportello.application.port.in;

import dev.sportello.domain.catalog.CertificateId;
import io.vavr.control.Either;

/** Describes one certificate: its form, what the rule requires, the extras and the price. */
public interface DescribeCertificateUseCase {

  /**
   * Describes one certificate, from the cached description when it is fresh.
   *
   * @param id the certificate's id
   * @return the form, the rule's alternatives and the base price, or why not
   */
  Either<UseCaseError, CertificateDescription> describe(CertificateId id);
}
