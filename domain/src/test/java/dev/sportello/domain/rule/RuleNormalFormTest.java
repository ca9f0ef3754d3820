package dev.sportello.domain.rule;

import static dev.sportello.domain.rule.RuleFixtures.all;
import static dev.sportello.domain.rule.RuleFixtures.any;
import static dev.sportello.domain.rule.RuleFixtures.parsed;
import static dev.sportello.domain.rule.RuleFixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class RuleNormalFormTest {

  @Test
  void anAllOfInsideAnAllOfIsMergedInPlace() {
    assertThat(all(ref(0), all(ref(1), ref(2)), ref(3)).parts())
        .containsExactly(ref(0), ref(1), ref(2), ref(3));
  }

  @Test
  void anAnyOfInsideAnAnyOfIsMergedInPlace() {
    assertThat(any(any(ref(0), ref(1)), ref(2)).parts()).containsExactly(ref(0), ref(1), ref(2));
  }

  @Test
  void partsOfTheOtherKindStayNested() {
    assertThat(all(ref(0), any(ref(1), ref(2))).parts()).hasSize(2);
    assertThat(any(ref(0), all(ref(1), ref(2))).parts()).hasSize(2);
  }

  @Test
  void aLoneSameKindPartIsEnoughAfterMerging() {
    assertThat(all(all(ref(0), ref(1)))).isEqualTo(all(ref(0), ref(1)));
  }

  @Test
  void anAllOfNeedsTwoParts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AllOf(List.of(ref(0))))
        .withMessage("AllOf joins at least two parts, got 1");
    assertThatIllegalArgumentException().isThrownBy(() -> new AllOf(List.empty()));
  }

  @Test
  void anAnyOfNeedsTwoParts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AnyOf(List.of(ref(0))))
        .withMessage("AnyOf joins at least two parts, got 1");
  }

  @Test
  void rulesNestingSixtyFourParenthesesPrintAndParseBack() {
    RequirementRule rule = nested(64);

    assertThat(Shape.nesting(rule)).isEqualTo(64);
    assertThat(parsed(rule.print())).isEqualTo(rule);
  }

  @Test
  void anAllOfThatWouldNestDeeperCannotBeBuilt() {
    RequirementRule deepest = any(ref(0), nested(64));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> all(ref(0), deepest))
        .withMessage("AllOf would need 65 nested parentheses, more than 64");
  }

  @Test
  void anAlternativeAtTheTopNeedsNoParentheses() {
    assertThat(Shape.nesting(any(ref(0), nested(64)))).isEqualTo(64);
  }

  /** {@code $0 && ($0 || $0 && (…))}, with the given number of parentheses levels. */
  private static RequirementRule nested(int levels) {
    RequirementRule rule = all(ref(0), ref(1));
    for (int level = 0; level < levels; level++) {
      rule = all(ref(0), any(ref(level), rule));
    }
    return rule;
  }
}
