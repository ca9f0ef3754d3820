package dev.sportello.domain.rule;

import static dev.sportello.domain.rule.RuleFixtures.keys;
import static dev.sportello.domain.rule.RuleFixtures.parsed;
import static dev.sportello.domain.rule.RuleFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Rule texts come from a remote catalogue: no text may crash or stall the rule. */
class HostileInputTest {

  @Test
  void aHundredThousandNestedParenthesesAreRefused() {
    String text = "(".repeat(100_000) + "$0" + ")".repeat(100_000);

    assertThat(RequirementRule.parse(text).isLeft()).isTrue();
  }

  @Test
  void deepNestingWithinTheLengthLimitIsRefusedAtTheFirstLevelTooMany() {
    String text = "(".repeat(8_000) + "$0" + ")".repeat(8_000);

    assertThat(rejected(text).column()).isEqualTo(65);
  }

  @Test
  void aMegabyteOfConjunctionsIsRefused() {
    String text = "$0 && ".repeat(1024 * 1024 / 6);

    assertThat(RequirementRule.parse(text).isLeft()).isTrue();
  }

  @Test
  void theLongestAcceptedFlatRuleWorksEndToEnd() {
    String text = longest(i -> "$" + i, " && ");
    RequirementRule rule = parsed(text);
    int count = rule.referencedKeys().size();

    assertThat(count).isGreaterThan(1_500);
    assertThat(rule.print()).isEqualTo(text);
    assertThat(rule.isSatisfiedBy(keys(0, 1))).isFalse();
    assertThat(rule.missing(keys(0)).head()).hasSize(count - 1);
  }

  @Test
  void theLongestAcceptedProductOfChoicesStaysWithinTheCap() {
    RequirementRule rule = parsed(longest(i -> "($" + (2 * i) + "||$" + (2 * i + 1) + ")", "&&"));

    List<Set<FieldKey>> alternatives = rule.missing(keys());

    assertThat(alternatives).hasSize(Alternatives.MAX);
    assertThat(alternatives).allSatisfy(a -> assertThat(rule.isSatisfiedBy(a)).isTrue());
  }

  @Test
  void theDeepestAcceptedRuleWorksEndToEnd() {
    String text = "$0 && (".repeat(64) + "$1 || $2" + ")".repeat(64);
    RequirementRule rule = parsed(text);

    assertThat(parsed(rule.print())).isEqualTo(rule);
    assertThat(rule.isSatisfiedBy(keys(0, 2))).isTrue();
    assertThat(rule.missing(keys())).containsExactly(keys(0, 1), keys(0, 2));
  }

  /** As many pieces joined by the operator as fit in the longest accepted text. */
  private static String longest(IntFunction<String> piece, String operator) {
    StringBuilder text = new StringBuilder(piece.apply(0));
    for (int i = 1; ; i++) {
      String next = operator + piece.apply(i);
      if (text.length() + next.length() > RuleParser.MAX_LENGTH) {
        return text.toString();
      }
      text.append(next);
    }
  }
}
