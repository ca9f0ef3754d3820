package dev.sportello.domain.rule;

import static dev.sportello.domain.rule.RuleFixtures.A2;
import static dev.sportello.domain.rule.RuleFixtures.FAMILY_STATUS;
import static dev.sportello.domain.rule.RuleFixtures.key;
import static dev.sportello.domain.rule.RuleFixtures.keys;
import static dev.sportello.domain.rule.RuleFixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MissingAlternativesTest {

  @Test
  void nothingIsMissingWhenTheRuleHolds() {
    assertThat(parsed("$0 && ($1 || $2)").missing(keys(0, 2))).isEmpty();
  }

  @Test
  void anAbsentKeyIsItsOwnAlternative() {
    assertThat(parsed("$4").missing(keys())).containsExactly(keys(4));
  }

  @Test
  void familyStatusWithOnlySixMissingAsksForSix() {
    assertThat(parsed(FAMILY_STATUS).missing(keys(0, 1, 2, 3, 4, 5, 7))).containsExactly(keys(6));
  }

  @Test
  void familyStatusWithNothingPresentAsksForEverything() {
    assertThat(parsed(FAMILY_STATUS).missing(keys())).containsExactly(keys(0, 1, 2, 3, 4, 5, 6, 7));
  }

  @Test
  void a2AsksOnlyForTheSmallerAlternative() {
    assertThat(parsed(A2).missing(keys(0, 1, 2, 3, 4, 5))).containsExactly(keys(6));
  }

  @Test
  void alternativesAreListedSmallestFirst() {
    assertThat(parsed("$0 && ($5 || ($6 && $7))").missing(keys()))
        .containsExactly(keys(0, 5), keys(0, 6, 7));
  }

  @Test
  void presentKeysAreNeverAskedFor() {
    assertThat(parsed("($0 && $1) || ($2 && $3 && $4)").missing(keys(2, 3)))
        .containsExactly(keys(4), keys(0, 1));
  }

  @Test
  void anAlternativeContainingAnotherIsDropped() {
    assertThat(parsed("($0 && $1) || $0").missing(keys())).containsExactly(keys(0));
  }

  @Test
  void equalAlternativesAppearOnce() {
    assertThat(parsed("$0 && $1 || $1 && $0").missing(keys())).containsExactly(keys(0, 1));
  }

  @Test
  void repeatedOperandsAreAskedForOnce() {
    assertThat(parsed("$6 && $6").missing(keys())).containsExactly(keys(6));
  }

  @Test
  void alternativesOfEqualSizeAreOrderedByTheirKeys() {
    assertThat(parsed("($3 && $4) || $9 || ($1 && $5) || ($1 && $2) || ($2 && $3)").missing(keys()))
        .containsExactly(keys(9), keys(1, 2), keys(1, 5), keys(2, 3), keys(3, 4));
  }

  @Test
  void orderingHoldsBeyondSixtyFourAbsentKeys() {
    String shared = IntStream.range(0, 64).mapToObj(i -> "$" + i).collect(joinedByAnd());
    RequirementRule rule = parsed("(" + shared + " && $65) || (" + shared + " && $64)");

    assertThat(rule.missing(keys()).map(alternative -> alternative.max().get()))
        .containsExactly(key(64), key(65));
  }

  @Test
  void aKeyBeyondSixtyFourAbsentKeysIsAskedFor() {
    String all = IntStream.range(0, 70).mapToObj(i -> "$" + i).collect(joinedByAnd());

    assertThat(parsed(all).missing(keys(3)))
        .containsExactly(keys(IntStream.range(0, 70).filter(i -> i != 3).toArray()));
  }

  @Test
  void tooManyAlternativesAreCappedToTheSmallest() {
    String choices =
        IntStream.range(0, 10)
            .mapToObj(i -> "($" + (3 * i) + " || $" + (3 * i + 1) + " || $" + (3 * i + 2) + ")")
            .collect(joinedByAnd());
    RequirementRule rule = parsed(choices + " || $99 && $98 && $97 && $96 && $95 && $94 && $93");

    List<Set<FieldKey>> alternatives = rule.missing(keys());

    assertThat(alternatives).hasSize(Alternatives.MAX);
    assertThat(alternatives.head()).isEqualTo(keys(93, 94, 95, 96, 97, 98, 99));
    assertThat(alternatives.tail()).allSatisfy(a -> assertThat(a).hasSize(10));
    assertThat(alternatives).allSatisfy(a -> assertThat(rule.isSatisfiedBy(a)).isTrue());
    assertThat(alternatives.get(1)).isEqualTo(keys(0, 3, 6, 9, 12, 15, 18, 21, 24, 27));
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joinedByAnd() {
    return Collectors.joining(" && ");
  }
}
