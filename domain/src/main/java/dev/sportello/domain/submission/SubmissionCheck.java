package dev.sportello.domain.submission;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.catalog.FormIndex;
import dev.sportello.domain.field.CodiceFiscale;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.field.Rejection;
import dev.sportello.domain.field.TaxCodeReading;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.rule.PresentFields;
import dev.sportello.domain.shared.Violation;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalInt;

/**
 * Checks values for a certificate before anything is sent: keys, per-type checks, the requirement
 * rule, consistency between a codice fiscale and the person's data, and the chosen extras. Every
 * problem is reported, not just the first.
 */
public final class SubmissionCheck {
  /** A submitted entry whose key names no field, with its key read once for sorting. */
  private record Unknown(Option<FieldKey> key, String rawKey) {}

  /**
   * Violations follow the keys' natural order ({@code $2} before {@code $10}), and keys that are
   * not field keys come last.
   */
  private static final Comparator<Unknown> IN_FIELD_ORDER =
      Comparator.comparing(
              (Unknown entry) -> entry.key().getOrNull(),
              Comparator.nullsLast(Comparator.<FieldKey>naturalOrder()))
          .thenComparing(Unknown::rawKey);

  private SubmissionCheck() {}

  /**
   * Checks a submission.
   *
   * @param certificate what is being ordered
   * @param rawValues the values by field key; blank values count as absent
   * @param extraKeys the chosen extras, by key
   * @param policy the configurable part of value checks
   * @return the normalised submission with its price, or every violation found
   */
  public static Validation<List<Violation>, Submission> check(
      Certificate certificate,
      Map<String, String> rawValues,
      List<String> extraKeys,
      ValuePolicy policy) {
    FormIndex form = certificate.schema().index();
    // Accumulated in mutable builders: appending to an immutable list would copy it per entry.
    var violations = new ArrayList<Violation>();
    // By field index; empty for a field without a value (a blank value counts as absent).
    String[] submitted = new String[form.size()];
    var unknown = new ArrayList<Unknown>();
    // A few values for a long form are found sooner by walking them than by asking for every key.
    if (answersByEquality(rawValues) && 2 * rawValues.size() >= form.size()) {
      readByFieldKey(form, rawValues, submitted, unknown);
    } else {
      readByEntry(form, rawValues, submitted, unknown);
    }
    unknown.sort(IN_FIELD_ORDER);

    String[] normalised = new String[form.size()];
    Arrays.fill(normalised, "");
    PresentFields.Builder present = PresentFields.builder(form.size());
    // The fields with a valid value, in key order: the normalised values are added to the sorted
    // map at the end, in an order that keeps its tree balanced as it grows.
    int[] inKeyOrder = new int[form.size()];
    int valid = 0;
    Option<CodiceFiscale> code = Option.none();
    int taxCodeField = form.taxCodeField().orElse(-1);
    int next = 0;
    for (int rank = 0; rank < form.size(); rank++) {
      int index = form.indexInKeyOrder(rank);
      FieldSpec spec = form.field(index);
      // Keys no field has are reported in their place among the fields' keys.
      for (; next < unknown.size() && comesBefore(unknown.get(next), spec.key()); next++) {
        violations.add(unknownKey(unknown.get(next).rawKey()));
      }
      String value = submitted[index];
      if (value.isBlank()) {
        continue;
      }
      present.add(index);
      Either<Rejection, String> checked;
      if (index == taxCodeField && spec.type() instanceof FieldType.HoldsTaxCode taxCode) {
        // The cross-field check needs the code's parts: read them once, here.
        Either<Rejection, TaxCodeReading> reading = taxCode.read(value);
        if (reading.isRight()) {
          code = reading.get().person();
          checked = Either.right(reading.get().normalised());
        } else {
          checked = Either.left(reading.getLeft());
        }
      } else {
        checked = spec.type().normalise(value, policy);
      }
      if (checked.isLeft()) {
        violations.add(
            new Violation(
                spec.key().toString(),
                spec.label(),
                checked.getLeft().code(),
                checked.getLeft().message()));
      } else {
        normalised[index] = checked.get();
        inKeyOrder[valid++] = index;
      }
    }
    for (; next < unknown.size(); next++) {
      violations.add(unknownKey(unknown.get(next).rawKey()));
    }

    List<Violation> unmet = requirementViolations(certificate, present.build());
    if (!unmet.isEmpty()) {
      violations.addAll(unmet.asJava());
    }
    SortedMap<FieldKey, String> values = sortedValues(form, normalised, inKeyOrder, valid);
    if (code.isDefined()) {
      List<Violation> disagreements = CrossFieldCheck.violations(form, normalised, code.get());
      if (!disagreements.isEmpty()) {
        violations.addAll(disagreements.asJava());
      }
    }

    var extras = new ArrayList<Extra>();
    for (String extraKey : extraKeys.size() < 2 ? extraKeys : extraKeys.distinct()) {
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
   * Whether looking a key up finds exactly the entry whose key equals it. A sorted map finds keys
   * by its comparator, which may not agree with {@code equals}.
   */
  private static boolean answersByEquality(Map<String, String> rawValues) {
    return !(rawValues instanceof SortedMap);
  }

  /**
   * Reads the submitted values by looking each of the form's keys up, without walking the caller's
   * map (a Vavr {@code LinkedHashMap} copies its queue as it is walked); the entries are walked
   * only when some key is not the form's.
   */
  private static void readByFieldKey(
      FormIndex form,
      Map<String, String> rawValues,
      String[] submitted,
      java.util.List<Unknown> unknown) {
    int found = 0;
    for (int index = 0; index < form.size(); index++) {
      Option<String> value = rawValues.get(form.field(index).key().value());
      if (value.isDefined()) {
        submitted[index] = value.get();
        found++;
      } else {
        submitted[index] = "";
      }
    }
    if (found < rawValues.size()) {
      for (Tuple2<String, String> entry : rawValues) {
        if (form.indexOf(entry._1).isEmpty()) {
          unknown.add(new Unknown(FieldKey.parse(entry._1).toOption(), entry._1));
        }
      }
    }
  }

  /** Reads the submitted values by walking the caller's entries. */
  private static void readByEntry(
      FormIndex form,
      Map<String, String> rawValues,
      String[] submitted,
      java.util.List<Unknown> unknown) {
    Arrays.fill(submitted, "");
    for (Tuple2<String, String> entry : rawValues) {
      OptionalInt index = form.indexOf(entry._1);
      if (index.isPresent()) {
        submitted[index.getAsInt()] = entry._2;
      } else {
        unknown.add(new Unknown(FieldKey.parse(entry._1).toOption(), entry._1));
      }
    }
  }

  /**
   * The normalised values by key. A red-black tree filled in ascending order rebalances at almost
   * every step, copying nodes each time; filled level by level from the middle out, as a balanced
   * tree would be read, it only recolours.
   *
   * @param fields the fields with a valid value, in key order, the first {@code count} of them
   */
  private static SortedMap<FieldKey, String> sortedValues(
      FormIndex form, String[] normalised, int[] fields, int count) {
    SortedMap<FieldKey, String> values = TreeMap.empty();
    if (count == 0) {
      return values;
    }
    // A queue of ranges [low, high) still to insert, middle first.
    int[] ranges = new int[2 * count];
    int head = 0;
    int tail = 0;
    ranges[tail++] = 0;
    ranges[tail++] = count;
    while (head < tail) {
      int low = ranges[head++];
      int high = ranges[head++];
      int middle = (low + high) >>> 1;
      int index = fields[middle];
      values = values.put(form.field(index).key(), normalised[index]);
      if (low < middle) {
        ranges[tail++] = low;
        ranges[tail++] = middle;
      }
      if (middle + 1 < high) {
        ranges[tail++] = middle + 1;
        ranges[tail++] = high;
      }
    }
    return values;
  }

  /** Whether a key no field has sorts before a field's key; a key that is not one sorts last. */
  private static boolean comesBefore(Unknown entry, FieldKey fieldKey) {
    return entry.key().isDefined() && entry.key().get().compareTo(fieldKey) < 0;
  }

  /**
   * A field every alternative needs is reported on its own; when the rule offers a choice, one more
   * violation describes the choices.
   */
  private static List<Violation> requirementViolations(
      Certificate certificate, PresentFields present) {
    // Most submissions satisfy the rule: missing answers them with one mask test.
    List<Set<FieldKey>> alternatives =
        certificate
            .schema()
            .index()
            .rule()
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
