package dev.sportello.application.port.in;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * What a caller fills in to order a certificate.
 *
 * @param certificateId the certificate's id, as given (checked by the use case)
 * @param values the values by wire key ({@code $0} …)
 * @param extras the chosen extras ({@code opzione_0} …)
 * @param reference the caller's own reference, when given
 * @param notifyEmail where upstream also mails the document, when given
 */
public record SubmissionInput(
    String certificateId,
    Map<String, String> values,
    List<String> extras,
    Option<String> reference,
    Option<String> notifyEmail) {
  /** Checks that every component is given. */
  public SubmissionInput {
    Objects.requireNonNull(certificateId, "certificateId");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(extras, "extras");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(notifyEmail, "notifyEmail");
  }

  /** Leaves out the values: they are personal data. */
  @Override
  public String toString() {
    return "SubmissionInput[certificateId="
        + certificateId
        + ", keys="
        + values.keySet().mkString(",")
        + "]";
  }
}
