package dev.sportello.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A product's {@code validazione} (Visengine) or a document's {@code validation} (DocuEngine): a
 * boolean expression over field keys ({@code $n} or {@code fieldN}), {@code &&}, {@code ||} and
 * parentheses, where a key is true when a non-empty value was submitted for it.
 *
 * <p>Grammar (the only one ever observed): {@code expr := term ('||' term)*; term := factor ('&&'
 * factor)*; factor := ('$' | 'field')digits | '(' expr ')'}. Text outside it makes the rule
 * unsatisfiable rather than silently true.
 */
sealed interface Rule {

  boolean isSatisfiedBy(Set<String> present);

  /** The smallest set of keys whose addition would satisfy the rule. */
  Set<String> cheapestMissing(Set<String> present);

  record Field(String key) implements Rule {
    @Override
    public boolean isSatisfiedBy(Set<String> present) {
      return present.contains(key);
    }

    @Override
    public Set<String> cheapestMissing(Set<String> present) {
      return present.contains(key) ? Set.of() : Set.of(key);
    }
  }

  record AllOf(List<Rule> parts) implements Rule {
    @Override
    public boolean isSatisfiedBy(Set<String> present) {
      return parts.stream().allMatch(part -> part.isSatisfiedBy(present));
    }

    @Override
    public Set<String> cheapestMissing(Set<String> present) {
      return parts.stream()
          .flatMap(part -> part.cheapestMissing(present).stream())
          .collect(Collectors.toCollection(() -> new TreeSet<>(Rule::compareKeys)));
    }
  }

  record AnyOf(List<Rule> alternatives) implements Rule {
    @Override
    public boolean isSatisfiedBy(Set<String> present) {
      return alternatives.stream().anyMatch(part -> part.isSatisfiedBy(present));
    }

    @Override
    public Set<String> cheapestMissing(Set<String> present) {
      return alternatives.stream()
          .map(part -> part.cheapestMissing(present))
          .min(Comparator.comparingInt(Set::size))
          .orElse(Set.of());
    }
  }

  /** A {@code validazione} the grammar cannot read; nothing satisfies it. */
  record Unreadable(String text) implements Rule {
    @Override
    public boolean isSatisfiedBy(Set<String> present) {
      return false;
    }

    @Override
    public Set<String> cheapestMissing(Set<String> present) {
      return Set.of();
    }
  }

  /** Orders {@code $2} before {@code $10}. */
  static int compareKeys(String left, String right) {
    return Comparator.comparingInt(String::length)
        .thenComparing(Comparator.naturalOrder())
        .compare(left, right);
  }

  static Rule parse(String text) {
    Parser parser = new Parser(text);
    try {
      Rule rule = parser.expression();
      parser.skipSpaces();
      return parser.atEnd() ? rule : new Unreadable(text);
    } catch (IllegalArgumentException unreadable) {
      return new Unreadable(text);
    }
  }

  /** Recursive descent over the grammar above. */
  final class Parser {
    private final String text;
    private int position;

    private Parser(String text) {
      this.text = text;
    }

    Rule expression() {
      List<Rule> alternatives = new ArrayList<>(List.of(term()));
      while (consume("||")) {
        alternatives.add(term());
      }
      return alternatives.size() == 1 ? alternatives.getFirst() : new AnyOf(alternatives);
    }

    private Rule term() {
      List<Rule> parts = new ArrayList<>(List.of(factor()));
      while (consume("&&")) {
        parts.add(factor());
      }
      return parts.size() == 1 ? parts.getFirst() : new AllOf(parts);
    }

    private Rule factor() {
      skipSpaces();
      if (consume("(")) {
        Rule inner = expression();
        if (!consume(")")) {
          throw new IllegalArgumentException("unbalanced parenthesis");
        }
        return inner;
      }
      int prefix = keyPrefixLength();
      if (prefix > 0) {
        int start = position;
        position += prefix;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
          position++;
        }
        if (position == start + prefix) {
          throw new IllegalArgumentException("a field key needs digits");
        }
        return new Field(text.substring(start, position));
      }
      throw new IllegalArgumentException("unexpected text at " + position);
    }

    /** The length of the key prefix ({@code $} or {@code field}) at the position, or 0. */
    private int keyPrefixLength() {
      if (text.startsWith("$", position)) {
        return 1;
      }
      return text.startsWith("field", position) ? "field".length() : 0;
    }

    private boolean consume(String token) {
      skipSpaces();
      if (text.startsWith(token, position)) {
        position += token.length();
        return true;
      }
      return false;
    }

    void skipSpaces() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }

    boolean atEnd() {
      return position == text.length();
    }
  }
}
