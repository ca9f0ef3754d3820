package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;

/**
 * Which fields a submission needs, parsed from {@code validazione}: a boolean expression over field
 * keys where a key is true when its field has a non-empty value.
 */
public sealed interface RequirementRule permits FieldRef, AllOf, AnyOf {

  /**
   * Parses the {@code validazione} grammar: {@code $n}, {@code &&}, {@code ||}, parentheses and any
   * whitespace.
   */
  static Either<RuleSyntaxError, RequirementRule> parse(String text) {
    return Either.left(new RuleSyntaxError(1, "", "pending " + text));
  }

  /** Whether the rule holds when exactly the given fields have values. */
  boolean isSatisfiedBy(Set<FieldKey> present);

  /**
   * What is missing, as the smallest alternatives: each set of keys, if added to the present ones,
   * satisfies the rule, and no alternative contains another. Empty when the rule already holds.
   * Ordered by size, then by keys.
   */
  List<Set<FieldKey>> missing(Set<FieldKey> present);

  /** The keys the rule mentions. */
  Set<FieldKey> referencedKeys();

  /** Canonical text; parsing it gives back an equal rule. */
  String print();
}
