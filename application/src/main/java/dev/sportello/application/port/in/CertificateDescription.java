package dev.sportello.application.port.in;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.submission.Quote;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import java.util.Objects;

/**
 * A certificate as a form to fill in.
 *
 * @param certificate the certificate, with its schema and its warnings
 * @param fields the fields in display order, each with whether every way of satisfying the rule
 *     needs it
 * @param alternatives the smallest sets of fields that satisfy the rule, smallest first; empty when
 *     nothing is required
 * @param baseQuote the price without extras
 */
public record CertificateDescription(
    Certificate certificate,
    List<Field> fields,
    List<Set<FieldKey>> alternatives,
    Quote baseQuote) {

  /** Checks that every component is given. */
  public CertificateDescription {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(alternatives, "alternatives");
    Objects.requireNonNull(baseQuote, "baseQuote");
  }

  /**
   * One field of the form.
   *
   * @param spec the field
   * @param required whether every alternative needs it
   */
  public record Field(FieldSpec spec, boolean required) {
    /** Checks that every component is given. */
    public Field {
      Objects.requireNonNull(spec, "spec");
    }
  }
}
