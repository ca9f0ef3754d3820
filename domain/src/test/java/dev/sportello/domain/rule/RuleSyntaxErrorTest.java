package dev.sportello.domain.rule;

import static dev.sportello.domain.rule.RuleFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleSyntaxErrorTest {
  private static final String OPERAND = "a field key like $0 or '('";
  private static final String OPERATOR = "'&&', '||' or the end of the rule";
  private static final String OPERATOR_OR_CLOSE = "'&&', '||' or ')'";
  private static final String KEY =
      "a field key numbered from 0 to 999999 without leading zeros, such as $0 or field0";

  @Test
  void theMessageNamesColumnExpectationAndFinding() {
    assertThat(rejected("$0 && && $1"))
        .isEqualTo(
            new RuleSyntaxError(
                7, OPERAND, "at column 7: expected a field key like $0 or '(' but found '&'"));
  }

  @Test
  void anEmptyTextIsNotARule() {
    assertThat(rejected(""))
        .isEqualTo(
            new RuleSyntaxError(
                1,
                OPERAND,
                "at column 1: expected a field key like $0 or '(' but found the end of the rule"));
  }

  @Test
  void aBlankTextIsNotARule() {
    RuleSyntaxError error = rejected("   ");

    assertThat(error.column()).isEqualTo(4);
    assertThat(error.expected()).isEqualTo(OPERAND);
  }

  @Test
  void anOperatorNeedsARightOperand() {
    RuleSyntaxError error = rejected("$0 && ");

    assertThat(error.column()).isEqualTo(7);
    assertThat(error.message()).endsWith("but found the end of the rule");
  }

  @Test
  void anOperatorNeedsALeftOperand() {
    assertThat(rejected("|| $0").column()).isEqualTo(1);
  }

  @Test
  void aSingleAmpersandIsNotAnOperator() {
    assertThat(rejected("$0 & $1"))
        .isEqualTo(
            new RuleSyntaxError(
                4,
                OPERATOR,
                "at column 4: expected '&&', '||' or the end of the rule but found '&'"));
  }

  @Test
  void aSingleBarIsNotAnOperator() {
    RuleSyntaxError error = rejected("$0 | $1");

    assertThat(error.column()).isEqualTo(4);
    assertThat(error.expected()).isEqualTo(OPERATOR);
    assertThat(error.message()).endsWith("but found '|'");
  }

  @Test
  void aSingleAmpersandAtTheEndIsNotAnOperator() {
    assertThat(rejected("$0 &").column()).isEqualTo(4);
  }

  @Test
  void negationIsNotPartOfTheGrammar() {
    RuleSyntaxError error = rejected("!$0");

    assertThat(error.column()).isEqualTo(1);
    assertThat(error.message()).endsWith("but found '!'");
  }

  @Test
  void literalsAreNotPartOfTheGrammar() {
    assertThat(rejected("$0 && true").message())
        .isEqualTo(
            "at column 11: expected digits after 'true', as in $0 or field0 but found the end of"
                + " the rule");
    assertThat(rejected("$0 && 1").message())
        .isEqualTo("at column 7: expected a field key like $0 or '(' but found '1'");
  }

  @Test
  void aNamedKeyNeedsANumber() {
    assertThat(rejected("field0 && field").column()).isEqualTo(16);
    assertThat(rejected("field0 && field-1").message()).endsWith("but found '-'");
  }

  @Test
  void aNameMayNotFollowTheDollar() {
    assertThat(rejected("$field0").message())
        .isEqualTo("at column 2: expected digits after '$', as in $0 or field0 but found 'f'");
  }

  @Test
  void namedKeysHaveNoLeadingZeros() {
    assertThat(rejected("field07"))
        .isEqualTo(
            new RuleSyntaxError(1, KEY, "at column 1: expected " + KEY + " but found 'field07'"));
  }

  @Test
  void aNamedKeyLongerThanAFieldKeyIsRefused() {
    RuleSyntaxError error = rejected("f".repeat(64) + "1");

    assertThat(error.expected()).isEqualTo(KEY);
    assertThat(error.message()).endsWith("but found 'ffffffffffff…'");
  }

  @Test
  void twoKeysNeedAnOperatorBetweenThem() {
    RuleSyntaxError error = rejected("$0 $1");

    assertThat(error.column()).isEqualTo(4);
    assertThat(error.expected()).isEqualTo(OPERATOR);
  }

  @Test
  void aDollarNeedsDigits() {
    assertThat(rejected("$0 && $x"))
        .isEqualTo(
            new RuleSyntaxError(
                8,
                "digits after '$', as in $0 or field0",
                "at column 8: expected digits after '$', as in $0 or field0 but found 'x'"));
  }

  @Test
  void aDollarAtTheEndNeedsDigits() {
    RuleSyntaxError error = rejected("$");

    assertThat(error.column()).isEqualTo(2);
    assertThat(error.message()).endsWith("but found the end of the rule");
  }

  @Test
  void aDollarMayNotBeFollowedByWhitespace() {
    assertThat(rejected("$ 0").message()).endsWith("but found ' '");
  }

  @Test
  void keysHaveNoLeadingZeros() {
    assertThat(rejected("$0 && $07"))
        .isEqualTo(
            new RuleSyntaxError(7, KEY, "at column 7: expected " + KEY + " but found '$07'"));
  }

  @Test
  void keysStopAtSixDigits() {
    RuleSyntaxError error = rejected("$0 || $1234567");

    assertThat(error.column()).isEqualTo(7);
    assertThat(error.message()).endsWith("but found '$1234567'");
  }

  @Test
  void aHugeNumberIsQuotedShort() {
    RuleSyntaxError error = rejected("$" + "9".repeat(5000));

    assertThat(error.column()).isEqualTo(1);
    assertThat(error.message()).endsWith("but found '$99999999999…'");
  }

  @Test
  void aKeyOfTwelveCharactersIsQuotedWhole() {
    assertThat(rejected("$99999999999").message()).endsWith("but found '$99999999999'");
  }

  @Test
  void anOpenParenthesisMustBeClosed() {
    assertThat(rejected("($0 && $1"))
        .isEqualTo(
            new RuleSyntaxError(
                10,
                OPERATOR_OR_CLOSE,
                "at column 10: expected '&&', '||' or ')' but found the end of the rule"));
  }

  @Test
  void aClosingParenthesisNeedsAnOpeningOne() {
    RuleSyntaxError error = rejected("$0)");

    assertThat(error.column()).isEqualTo(3);
    assertThat(error.expected()).isEqualTo(OPERATOR);
    assertThat(error.message()).endsWith("but found ')'");
  }

  @Test
  void parenthesesMayNotBeEmpty() {
    RuleSyntaxError error = rejected("()");

    assertThat(error.column()).isEqualTo(2);
    assertThat(error.expected()).isEqualTo(OPERAND);
  }

  @Test
  void insideParenthesesTheExpectationIncludesTheClosingOne() {
    RuleSyntaxError error = rejected("($0 $1)");

    assertThat(error.column()).isEqualTo(5);
    assertThat(error.expected()).isEqualTo(OPERATOR_OR_CLOSE);
  }

  @Test
  void controlCharactersAreNamedByCodePoint() {
    assertThat(rejected("$0 \u0007").message()).endsWith("but found U+0007");
  }

  @Test
  void unassignedCharactersAreNamedByCodePoint() {
    assertThat(rejected("$0 \uFFFF").message()).endsWith("but found U+FFFF");
  }

  @Test
  void charactersOutsideTheBasicPlaneAreShownWhole() {
    assertThat(rejected("$0 \uD83D\uDE00").message()).endsWith("but found '\uD83D\uDE00'");
  }

  @Test
  void parenthesesNestMostSixtyFourDeep() {
    assertThat(rejected("(".repeat(65) + "$0" + ")".repeat(65)))
        .isEqualTo(
            new RuleSyntaxError(
                65,
                "at most 64 nested parentheses",
                "at column 65: expected at most 64 nested parentheses but found another '('"));
  }

  @Test
  void aTextLongerThanTheMaximumIsRefused() {
    String text = "$0" + " ".repeat(RuleParser.MAX_LENGTH - 1);

    assertThat(rejected(text))
        .isEqualTo(
            new RuleSyntaxError(
                16_385,
                "at most 16384 characters",
                "at column 16385: expected at most 16384 characters but found a longer rule"));
  }
}
