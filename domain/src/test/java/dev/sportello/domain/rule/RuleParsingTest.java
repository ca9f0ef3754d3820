package dev.sportello.domain.rule;

import static dev.sportello.domain.rule.RuleFixtures.all;
import static dev.sportello.domain.rule.RuleFixtures.any;
import static dev.sportello.domain.rule.RuleFixtures.parsed;
import static dev.sportello.domain.rule.RuleFixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.field.FieldKey;
import org.junit.jupiter.api.Test;

class RuleParsingTest {

  @Test
  void aSingleKeyIsAFieldReference() {
    assertThat(parsed("$0")).isEqualTo(ref(0));
  }

  @Test
  void keysMayHaveSeveralDigits() {
    assertThat(parsed("$10 && $999999")).isEqualTo(all(ref(10), ref(999999)));
  }

  @Test
  void keysMayBeNamed() {
    assertThat(parsed("field0 || (field0 && (field1 || field_2))"))
        .isEqualTo(
            any(
                new FieldRef(new FieldKey("field0")),
                all(
                    new FieldRef(new FieldKey("field0")),
                    any(
                        new FieldRef(new FieldKey("field1")),
                        new FieldRef(new FieldKey("field_2"))))));
  }

  @Test
  void trailingWhitespaceAsPublishedIsIgnored() {
    assertThat(parsed("$0 && $1  ")).isEqualTo(all(ref(0), ref(1)));
  }

  @Test
  void anyWhitespaceMaySeparateTokens() {
    assertThat(parsed("\t$0\n&&\r\n( $1||$2 )\t")).isEqualTo(all(ref(0), any(ref(1), ref(2))));
  }

  @Test
  void tokensNeedNoWhitespace() {
    assertThat(parsed("$0&&($1||$2)")).isEqualTo(all(ref(0), any(ref(1), ref(2))));
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(parsed("$0 || $1 && $2")).isEqualTo(any(ref(0), all(ref(1), ref(2))));
    assertThat(parsed("$0 && $1 || $2")).isEqualTo(any(all(ref(0), ref(1)), ref(2)));
  }

  @Test
  void parenthesesOverridePrecedence() {
    assertThat(parsed("($0 || $1) && $2")).isEqualTo(all(any(ref(0), ref(1)), ref(2)));
  }

  @Test
  void redundantParenthesesLeaveNoTrace() {
    assertThat(parsed("(($0))")).isEqualTo(ref(0));
    assertThat(parsed("($0 && $1) && ($2)")).isEqualTo(all(ref(0), ref(1), ref(2)));
    assertThat(parsed("$0 || ($1 || $2)")).isEqualTo(any(ref(0), ref(1), ref(2)));
  }

  @Test
  void nestedAlternativesAsInDocuEngineRulesAreRead() {
    assertThat(parsed("$0 || ($0 && ($1 || $2 || $3 || $4 || $5))"))
        .isEqualTo(any(ref(0), all(ref(0), any(ref(1), ref(2), ref(3), ref(4), ref(5)))));
  }

  @Test
  void repeatedOperandsAreKeptAsWritten() {
    assertThat(parsed("$6 && $6")).isEqualTo(all(ref(6), ref(6)));
  }

  @Test
  void sixtyFourNestedParenthesesAreAccepted() {
    assertThat(parsed("(".repeat(64) + "$0" + ")".repeat(64))).isEqualTo(ref(0));
  }

  @Test
  void aTextOfTheMaximumLengthIsAccepted() {
    String text = "$0 && $1" + " ".repeat(RuleParser.MAX_LENGTH - 8);

    assertThat(text).hasSize(RuleParser.MAX_LENGTH);
    assertThat(parsed(text)).isEqualTo(all(ref(0), ref(1)));
  }
}
