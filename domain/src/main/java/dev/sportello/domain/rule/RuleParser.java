package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;

/**
 * Reads {@code expr := term ('||' term)*; term := factor ('&&' factor)*; factor := key | '(' expr
 * ')'; key := ('$' | name) number} with whitespace allowed between tokens, where a name is letters
 * and underscores and a number has at most six digits and no leading zeros, such as {@code $0} or
 * {@code field0}.
 *
 * <p>The parser is a loop over an explicit stack of open parentheses, so no input can exhaust the
 * call stack. Texts longer than {@link #MAX_LENGTH} and parentheses nested deeper than {@link
 * Shape#MAX_NESTING} are refused, which keeps every later operation on the rule cheap and shallow.
 */
final class RuleParser {
  /**
   * Published rules are a few dozen characters. The cap also bounds the cost of explaining a rule:
   * the worst rules of this length take some hundred milliseconds to explain, real ones
   * microseconds.
   */
  static final int MAX_LENGTH = 16_384;

  private static final String OPERAND = "a field key like $0 or '('";
  private static final String OPERATOR_AT_TOP = "'&&', '||' or the end of the rule";
  private static final String OPERATOR_NESTED = "'&&', '||' or ')'";
  private static final String KEY =
      "a field key numbered from 0 to 999999 without leading zeros, such as $0 or field0";
  private static final int MAX_DIGITS = 6;
  private static final String END = "the end of the rule";

  private final String text;
  private int position;

  private RuleParser(String text) {
    this.text = text;
  }

  static Either<RuleSyntaxError, RequirementRule> parse(String text) {
    if (text.length() > MAX_LENGTH) {
      return error(MAX_LENGTH + 1, "at most " + MAX_LENGTH + " characters", "a longer rule");
    }
    return new RuleParser(text).rule();
  }

  /** One level of parentheses: the finished terms and the factors of the term being read. */
  private static final class Group {
    final java.util.List<RequirementRule> terms = new ArrayList<>();
    java.util.List<RequirementRule> factors = new ArrayList<>();

    void endTerm() {
      terms.add(factors.size() == 1 ? factors.get(0) : new AllOf(List.ofAll(factors)));
      factors = new ArrayList<>();
    }

    RequirementRule end() {
      endTerm();
      return terms.size() == 1 ? terms.get(0) : new AnyOf(List.ofAll(terms));
    }
  }

  private Either<RuleSyntaxError, RequirementRule> rule() {
    Deque<Group> open = new ArrayDeque<>();
    Group group = new Group();
    boolean operandNext = true;
    while (true) {
      skipWhitespace();
      if (operandNext) {
        if (at('(')) {
          if (open.size() == Shape.MAX_NESTING) {
            return error(
                column(), "at most " + Shape.MAX_NESTING + " nested parentheses", "another '('");
          }
          position++;
          open.push(group);
          group = new Group();
        } else if (at('$') || atNameCharacter(position)) {
          Either<RuleSyntaxError, FieldKey> key = key();
          if (key.isLeft()) {
            return Either.left(key.getLeft());
          }
          group.factors.add(new FieldRef(key.get()));
          operandNext = false;
        } else {
          return unexpected(OPERAND);
        }
      } else if (position == text.length() && open.isEmpty()) {
        return Either.right(group.end());
      } else if (at('&') && at(position + 1, '&')) {
        position += 2;
        operandNext = true;
      } else if (at('|') && at(position + 1, '|')) {
        position += 2;
        group.endTerm();
        operandNext = true;
      } else if (at(')') && !open.isEmpty()) {
        position++;
        RequirementRule inner = group.end();
        group = open.pop();
        group.factors.add(inner);
      } else {
        return unexpected(open.isEmpty() ? OPERATOR_AT_TOP : OPERATOR_NESTED);
      }
    }
  }

  /** Reads a key's name or {@code $}, then its number; the whole must be a {@link FieldKey}. */
  private Either<RuleSyntaxError, FieldKey> key() {
    int start = position;
    if (at('$')) {
      position++;
    } else {
      while (atNameCharacter(position)) {
        position++;
      }
    }
    int digits = position;
    while (position < text.length() && isDigit(text.charAt(position))) {
      position++;
    }
    if (position == digits) {
      String name = text.substring(start, digits);
      return unexpected("digits after " + quote(name) + ", as in $0 or field0");
    }
    String key = text.substring(start, position);
    boolean numbered =
        position - digits <= MAX_DIGITS
            && (text.charAt(digits) != '0' || position - digits == 1)
            && key.length() <= FieldKey.MAX_LENGTH;
    return numbered ? Either.right(new FieldKey(key)) : error(start + 1, KEY, quote(key));
  }

  private boolean atNameCharacter(int index) {
    if (index >= text.length()) {
      return false;
    }
    char c = text.charAt(index);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private boolean at(char expected) {
    return at(position, expected);
  }

  private boolean at(int index, char expected) {
    return index < text.length() && text.charAt(index) == expected;
  }

  private int column() {
    return position + 1;
  }

  private <T> Either<RuleSyntaxError, T> unexpected(String expected) {
    return error(column(), expected, found());
  }

  private String found() {
    if (position == text.length()) {
      return END;
    }
    int codePoint = text.codePointAt(position);
    return Character.isISOControl(codePoint) || !Character.isDefined(codePoint)
        ? String.format("U+%04X", codePoint)
        : "'" + Character.toString(codePoint) + "'";
  }

  /** Long keys are cut short: the message names the key, it does not repeat it. */
  private static String quote(String key) {
    return key.length() <= 12 ? "'" + key + "'" : "'" + key.substring(0, 12) + "…'";
  }

  private static <T> Either<RuleSyntaxError, T> error(int column, String expected, String found) {
    return Either.left(syntaxError(column, expected, found));
  }

  private static RuleSyntaxError syntaxError(int column, String expected, String found) {
    return new RuleSyntaxError(
        column, expected, "at column " + column + ": expected " + expected + " but found " + found);
  }
}
