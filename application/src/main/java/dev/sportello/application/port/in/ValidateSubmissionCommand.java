package dev.sportello.application.port.in;

import java.util.Objects;

/**
 * A dry run.
 *
 * @param input what the caller filled in
 * @param askUpstream whether to also ask upstream's test mode, which costs one call
 */
public record ValidateSubmissionCommand(SubmissionInput input, boolean askUpstream) {
  /** Checks that every component is given. */
  public ValidateSubmissionCommand {
    Objects.requireNonNull(input, "input");
  }
}
