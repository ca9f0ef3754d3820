package dev.sportello.application.port.in;

import dev.sportello.domain.catalog.CertificateId;
import io.vavr.control.Either;

/** Describes one certificate: its form, what the rule requires, the extras and the price. */
public interface DescribeCertificateUseCase {

  Either<UseCaseError, CertificateDescription> describe(CertificateId id);
}
