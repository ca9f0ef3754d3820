package dev.sportello.application.port.in;

import io.vavr.control.Either;

/** Checks a submission without ordering anything; optionally asks upstream's test mode too. */
public interface ValidateSubmissionUseCase {

  Either<UseCaseError, ValidationReport> validate(ValidateSubmissionCommand command);
}
