package dev.sportello.domain.rule;

import static dev.sportello.domain.rule.RuleFixtures.A2;
import static dev.sportello.domain.rule.RuleFixtures.FAMILY_STATUS;
import static dev.sportello.domain.rule.RuleFixtures.keys;
import static dev.sportello.domain.rule.RuleFixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.HashSet;
import org.junit.jupiter.api.Test;

class RuleEvaluationTest {

  @Test
  void aKeyHoldsWhenItsFieldIsPresent() {
    assertThat(parsed("$3").isSatisfiedBy(keys(3))).isTrue();
  }

  @Test
  void aKeyFailsWhenItsFieldIsAbsent() {
    assertThat(parsed("$3").isSatisfiedBy(keys(0, 1, 2, 4))).isFalse();
  }

  @Test
  void anyKindOfVavrSetWorks() {
    assertThat(parsed("$3 && $4").isSatisfiedBy(HashSet.of(new FieldKey("$4"), new FieldKey("$3"))))
        .isTrue();
  }

  @Test
  void allOfNeedsEveryPart() {
    RequirementRule rule = parsed("$0 && $1 && $2");

    assertThat(rule.isSatisfiedBy(keys(0, 1, 2))).isTrue();
    assertThat(rule.isSatisfiedBy(keys(0, 1))).isFalse();
    assertThat(rule.isSatisfiedBy(keys(1, 2))).isFalse();
  }

  @Test
  void anyOfNeedsOnePart() {
    RequirementRule rule = parsed("$0 || $1 || $2");

    assertThat(rule.isSatisfiedBy(keys(2))).isTrue();
    assertThat(rule.isSatisfiedBy(keys(0))).isTrue();
    assertThat(rule.isSatisfiedBy(keys(3))).isFalse();
  }

  @Test
  void extraFieldsDoNotMatter() {
    assertThat(parsed("$0 && $1").isSatisfiedBy(keys(0, 1, 2, 9))).isTrue();
  }

  @Test
  void precedenceDecidesTheOutcome() {
    assertThat(parsed("$0 || $1 && $2").isSatisfiedBy(keys(0))).isTrue();
    assertThat(parsed("($0 || $1) && $2").isSatisfiedBy(keys(0))).isFalse();
  }

  @Test
  void familyStatusNeedsAllEightFields() {
    RequirementRule rule = parsed(FAMILY_STATUS);

    assertThat(rule.isSatisfiedBy(keys(0, 1, 2, 3, 4, 5, 6, 7))).isTrue();
    assertThat(rule.isSatisfiedBy(keys(0, 1, 2, 3, 4, 5, 6))).isFalse();
  }

  @Test
  void a2IsSatisfiedByTheFirstSevenFields() {
    RequirementRule rule = parsed(A2);

    assertThat(rule.isSatisfiedBy(keys(0, 1, 2, 3, 4, 5, 6))).isTrue();
    assertThat(rule.isSatisfiedBy(keys(0, 1, 2, 3, 4, 5, 7))).isFalse();
  }
}
