package dev.sportello.domain.submission;

import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import java.util.Objects;

/**
 * A submission that passed every check: the normalised, non-empty values by key, the chosen extras
 * and the price.
 *
 * @param certificateId the certificate it is for
 * @param engine the engine that publishes the certificate and processes the request
 * @param values the normalised values; empty values are left out
 * @param extras the chosen extras
 * @param quote the price
 */
public record Submission(
    CertificateId certificateId,
    Engine engine,
    SortedMap<FieldKey, String> values,
    List<Extra> extras,
    Quote quote) {
  /** Checks the components. */
  public Submission {
    Objects.requireNonNull(certificateId, "certificateId");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(extras, "extras");
    Objects.requireNonNull(quote, "quote");
    // Walks the tree itself: values() would first copy the values into a lazy stream.
    if (values.exists(entry -> entry._2.isBlank())) {
      throw new IllegalArgumentException("a submission holds no empty values");
    }
  }

  /** Leaves out the values: they are personal data and must not reach logs. */
  @Override
  public String toString() {
    return "Submission[certificateId="
        + certificateId
        + ", keys="
        + values.keySet().mkString("[", ", ", "]")
        + ", extras="
        + extras.map(Extra::key).mkString("[", ", ", "]")
        + ", total="
        + quote.total()
        + "]";
  }
}
