package dev.sportello.application.port.in;

import io.vavr.control.Either;

/** Checks a submission without ordering anything; optionally asks upstream's test mode too. */
public interface ValidateSubmissionUseCase {

  /**
   * Checks the submission as an order would, and orders nothing.
   *
   * @param command what was filled in, and whether to ask upstream's test mode
   * @return the verdict, or why the check could not be made
   */
  Either<UseCaseError, ValidationReport> validate(ValidateSubmissionCommand command);
}
