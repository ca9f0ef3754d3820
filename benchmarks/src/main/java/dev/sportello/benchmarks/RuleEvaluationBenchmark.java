package dev.sportello.benchmarks;

import dev.sportello.domain.catalog.FormIndex;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.rule.BoundRule;
import dev.sportello.domain.rule.PresentFields;
import dev.sportello.domain.rule.RequirementRule;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Evaluating the published requirement rules, in the two forms the domain offers.
 *
 * <p>The {@code bound…} methods measure what the submission check calls: the rule bound to its form
 * ({@link BoundRule}), evaluated against the bit set of present fields the check builds; the check
 * asks {@code isSatisfiedBy} and explains with {@code missing} only when the rule fails. The other
 * methods measure the parsed tree ({@link RequirementRule}) against a sorted set of keys, the
 * public API for callers without a form.
 */
public class RuleEvaluationBenchmark extends Microbenchmark {
  private final RequirementRule familyStatus = parse(SeedCertificates.FAMILY_STATUS_RULE);
  private final RequirementRule a2 = parse(SeedCertificates.A2_RULE);
  private final Set<FieldKey> allEight = keys(0, 1, 2, 3, 4, 5, 6, 7);

  /** A2 without the optional mandate: the first alternative fails on its last key. */
  private final Set<FieldKey> firstSeven = keys(0, 1, 2, 3, 4, 5, 6);

  private final Set<FieldKey> withoutBirthDate = keys(0, 1, 3, 4, 5, 6, 7);

  private final FormIndex familyStatusForm = SeedCertificates.familyStatus().schema().index();
  private final FormIndex a2Form = SeedCertificates.a2().schema().index();
  private final BoundRule boundFamilyStatus = familyStatusForm.rule().get();
  private final BoundRule boundA2 = a2Form.rule().get();
  private final PresentFields familyStatusComplete = present(familyStatusForm, allEight);
  private final PresentFields familyStatusWithoutBirthDate =
      present(familyStatusForm, withoutBirthDate);
  private final PresentFields a2WithoutMandate = present(a2Form, firstSeven);

  private static RequirementRule parse(String text) {
    return RequirementRule.parse(text)
        .getOrElseThrow(error -> new IllegalStateException(error.message()));
  }

  private static Set<FieldKey> keys(Integer... indices) {
    return TreeSet.ofAll(List.of(indices).map(index -> new FieldKey("$" + index)));
  }

  /** The fields with the given keys, by their index in the form, as the check builds them. */
  private static PresentFields present(FormIndex form, Set<FieldKey> keys) {
    PresentFields.Builder present = PresentFields.builder(form.size());
    for (FieldKey key : keys) {
      present.add(form.indexOf(key.value()).orElseThrow());
    }
    return present.build();
  }

  @Benchmark
  public boolean boundFamilyStatusIsSatisfied() {
    return boundFamilyStatus.isSatisfiedBy(familyStatusComplete);
  }

  @Benchmark
  public boolean boundA2IsSatisfiedBySecondAlternative() {
    return boundA2.isSatisfiedBy(a2WithoutMandate);
  }

  @Benchmark
  public List<Set<FieldKey>> boundFamilyStatusMissingOneField() {
    return boundFamilyStatus.missing(familyStatusWithoutBirthDate);
  }

  @Benchmark
  public boolean familyStatusIsSatisfied() {
    return familyStatus.isSatisfiedBy(allEight);
  }

  @Benchmark
  public boolean a2IsSatisfiedBySecondAlternative() {
    return a2.isSatisfiedBy(firstSeven);
  }

  @Benchmark
  public List<Set<FieldKey>> familyStatusMissingWhenComplete() {
    return familyStatus.missing(allEight);
  }

  @Benchmark
  public List<Set<FieldKey>> familyStatusMissingOneField() {
    return familyStatus.missing(withoutBirthDate);
  }
}
