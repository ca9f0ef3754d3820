package dev.sportello.domain.rule;

import static dev.sportello.domain.rule.RuleFixtures.all;
import static dev.sportello.domain.rule.RuleFixtures.any;
import static dev.sportello.domain.rule.RuleFixtures.parsed;
import static dev.sportello.domain.rule.RuleFixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulePrintingTest {

  @Test
  void aKeyPrintsAsOnTheWire() {
    assertThat(ref(12).print()).isEqualTo("$12");
  }

  @Test
  void operatorsPrintWithOneSpaceEachSide() {
    assertThat(all(ref(0), ref(1)).print()).isEqualTo("$0 && $1");
    assertThat(any(ref(0), ref(1)).print()).isEqualTo("$0 || $1");
  }

  @Test
  void anAlternativeInsideAConjunctionIsParenthesised() {
    assertThat(all(ref(0), any(ref(5), all(ref(6), ref(7)))).print())
        .isEqualTo("$0 && ($5 || $6 && $7)");
  }

  @Test
  void aConjunctionInsideAnAlternativeNeedsNoParentheses() {
    assertThat(any(all(ref(0), ref(1)), ref(2)).print()).isEqualTo("$0 && $1 || $2");
  }

  @Test
  void printingNormalisesWhitespaceAndRedundantParentheses() {
    assertThat(parsed("  ( ( $0 ) )&&\t$1 ").print()).isEqualTo("$0 && $1");
  }

  @Test
  void repeatedOperandsPrintAsWritten() {
    assertThat(parsed("$6 && $7 && $6").print()).isEqualTo("$6 && $7 && $6");
  }

  @Test
  void referencedKeysAreListedOnceInAscendingOrder() {
    assertThat(parsed("$6 && $2 || $6 && ($10 || $2)").referencedKeys())
        .containsExactly(ref(2).key(), ref(6).key(), ref(10).key());
  }
}
