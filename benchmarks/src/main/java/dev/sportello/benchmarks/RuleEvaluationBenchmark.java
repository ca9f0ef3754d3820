package dev.sportello.benchmarks;

import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.rule.RequirementRule;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Evaluating the published requirement rules on their parsed trees, against the key set a
 * submission check builds (a sorted set of the non-empty fields).
 *
 * <p>{@code isSatisfiedBy} is the plain evaluation; {@code missing} is what the submission check
 * calls, since it also explains what is missing, and is measured on a complete and on an incomplete
 * submission.
 */
public class RuleEvaluationBenchmark extends Microbenchmark {
  private final RequirementRule familyStatus = parse(SeedCertificates.FAMILY_STATUS_RULE);
  private final RequirementRule a2 = parse(SeedCertificates.A2_RULE);
  private final Set<FieldKey> allEight = keys(0, 1, 2, 3, 4, 5, 6, 7);

  /** A2 without the optional mandate: the first alternative fails on its last key. */
  private final Set<FieldKey> firstSeven = keys(0, 1, 2, 3, 4, 5, 6);

  private final Set<FieldKey> withoutBirthDate = keys(0, 1, 3, 4, 5, 6, 7);

  private static RequirementRule parse(String text) {
    return RequirementRule.parse(text)
        .getOrElseThrow(error -> new IllegalStateException(error.message()));
  }

  private static Set<FieldKey> keys(Integer... indices) {
    return TreeSet.ofAll(List.of(indices).map(index -> new FieldKey("$" + index)));
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
