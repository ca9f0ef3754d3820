package dev.sportello.domain.submission;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.shared.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * The submission check as it was before forms were indexed once when read, kept to show that the
 * indexed check answers exactly as it did: violations, their order and messages, the normalised
 * values and the quote.
 *
 * <p>Checks values for a certificate before anything is sent: keys, per-type checks, the
 * requirement rule, consistency between a codice fiscale and the person's data, and the chosen
 * extras. Every problem is reported, not just the first.
 */
final class ReferenceSubmissionCheck {
  /** A submitted entry with its key read once, not once per comparison. */
  private record Entry(Option<FieldKey> key, String rawKey, String value) {}

  /**
   * Violations follow the keys' natural order ({@code $2} before {@code $10}), and keys that are
   * not field keys come last.
   */
  private static final Comparator<Entry> IN_FIELD_ORDER =
      Comparator.comparing(
              (Entry entry) -> entry.key().getOrNull(),
              Comparator.nullsLast(Comparator.<FieldKey>naturalOrder()))
          .thenComparing(Entry::rawKey);

  private ReferenceSubmissionCheck() {}

  /**
   * Checks a submission.
   *
   * @param certificate what is being ordered
   * @param rawValues the values by field key; blank values count as absent
   * @param extraKeys the chosen extras, by key
   * @param policy the configurable part of value checks
   * @return the normalised submission with its price, or every violation found
   */
  static Validation<List<Violation>, Submission> check(
      Certificate certificate,
      Map<String, String> rawValues,
      List<String> extraKeys,
      ValuePolicy policy) {
    // Accumulated in mutable builders: appending to an immutable list would copy it per entry.
    var violations = new ArrayList<Violation>();
    SortedMap<FieldKey, String> values = TreeMap.empty();
    Set<FieldKey> present = TreeSet.empty();

    List<Entry> entries =
        rawValues
            .toList()
            .map(raw -> new Entry(FieldKey.parse(raw._1).toOption(), raw._1, raw._2))
            .sorted(IN_FIELD_ORDER);
    for (Entry entry : entries) {
      Option<FieldSpec> field = entry.key().flatMap(key -> certificate.schema().field(key));
      if (field.isEmpty()) {
        violations.add(unknownKey(entry.rawKey()));
        continue;
      }
      FieldSpec spec = field.get();
      if (entry.value().isBlank()) {
        continue;
      }
      present = present.add(spec.key());
      var normalised = spec.type().normalise(entry.value(), policy);
      if (normalised.isLeft()) {
        violations.add(
            new Violation(
                spec.key().toString(),
                spec.label(),
                normalised.getLeft().code(),
                normalised.getLeft().message()));
      } else {
        values = values.put(spec.key(), normalised.get());
      }
    }

    violations.addAll(requirementViolations(certificate, present).asJava());
    violations.addAll(ReferenceCrossFieldCheck.violations(certificate.schema(), values).asJava());

    var extras = new ArrayList<Extra>();
    for (String extraKey : extraKeys.distinct()) {
      Option<Extra> extra = certificate.extra(extraKey);
      if (extra.isEmpty()) {
        violations.add(
            Violation.general(
                "extras",
                "unknown_extra",
                "this certificate offers no extra called '" + printable(extraKey) + "'"));
      } else {
        extras.add(extra.get());
      }
    }

    if (!violations.isEmpty()) {
      return Validation.invalid(List.ofAll(violations));
    }
    List<Extra> chosen = List.ofAll(extras);
    return Validation.valid(
        new Submission(
            certificate.id(), certificate.engine(), values, chosen, Quote.of(certificate, chosen)));
  }

  /**
   * A field every alternative needs is reported on its own; when the rule offers a choice, one more
   * violation describes the choices.
   */
  private static List<Violation> requirementViolations(
      Certificate certificate, Set<FieldKey> present) {
    // Most submissions satisfy the rule: the cheap test first, the explanation only when it fails.
    List<Set<FieldKey>> alternatives =
        certificate
            .schema()
            .requirement()
            .filter(rule -> !rule.isSatisfiedBy(present))
            .map(rule -> rule.missing(present))
            .getOrElse(List.empty());
    if (alternatives.isEmpty()) {
      return List.empty();
    }
    Set<FieldKey> always = alternatives.tail().foldLeft(alternatives.head(), Set::intersect);
    List<Violation> violations =
        TreeSet.ofAll(always).toList().map(key -> required(certificate, key));
    if (alternatives.size() > 1) {
      String choices =
          alternatives
              .map(alternative ->
                  describe(certificate, TreeSet.ofAll(alternative).removeAll(always)))
              .mkString(", or ");
      violations =
          violations.append(
              Violation.general(
                  "rule", "requirement_unmet", "the certificate also needs one of: " + choices));
    }
    return violations;
  }

  private static Violation required(Certificate certificate, FieldKey key) {
    Option<FieldSpec> field = certificate.schema().field(key);
    return field.isDefined()
        ? new Violation(key.toString(), field.get().label(), "required", "a value is required")
        : new Violation(
            key.toString(),
            "",
            "required_undefined",
            "the certificate's rule requires " + key + ", which its form does not define");
  }

  /**
   * Never called with an empty set: the alternatives are minimal, so each keeps at least one key
   * that the others do not all share.
   */
  private static String describe(Certificate certificate, Set<FieldKey> keys) {
    return keys.toList()
        .map(key ->
            key
                + certificate
                    .schema()
                    .field(key)
                    .map(field -> " (" + field.displayName() + ")")
                    .getOrElse(""))
        .mkString(" and ");
  }

  private static Violation unknownKey(String key) {
    return Violation.general(
        printable(key), "unknown_key", "the certificate's form has no field with this key");
  }

  /** Keys and extras come from callers; keep them short in messages. */
  private static String printable(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty()
        ? "values"
        : trimmed.length() > 24 ? trimmed.substring(0, 24) + "…" : trimmed;
  }
}
