package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;

/**
 * Which fields a submission needs, parsed from the rule a form publishes: a boolean expression over
 * field keys where a key is true when its field has a non-empty value.
 *
 * <p>Every rule that can be built is in a normal form ({@link AllOf} and {@link AnyOf} have at
 * least two parts, never directly contain their own kind, and nest at most 64 levels of
 * parentheses), so {@code parse(rule.print())} always gives back a rule equal to {@code rule}.
 * Repeated operands such as {@code $6 && $6} are kept as written; they change no answer.
 */
public sealed interface RequirementRule permits FieldRef, AllOf, AnyOf {

  /**
   * Parses the grammar the engines share: field keys, {@code &&}, {@code ||}, parentheses and any
   * whitespace between them. {@code &&} binds tighter than {@code ||}. A key is {@code $} or a name
   * of letters and underscores, then a number: {@code $7}, {@code field7}.
   *
   * <p>Anything else is a syntax error, including an empty or blank text (a schema without a rule
   * is for the caller to handle), a key without a number, a number with leading zeros or above
   * 999999, a text longer than 16 384 characters and parentheses nested more than 64 deep.
   *
   * @param text the rule as published
   * @return the rule, or where and why it could not be read
   */
  static Either<RuleSyntaxError, RequirementRule> parse(String text) {
    return RuleParser.parse(text);
  }

  /**
   * Whether the rule holds when exactly the given fields have values.
   *
   * @param present the keys of the fields with a value
   * @return true when the rule holds
   */
  boolean isSatisfiedBy(Set<FieldKey> present);

  /**
   * What is missing, as the smallest alternatives: each set of keys, if added to the present ones,
   * satisfies the rule, and no alternative contains another. Empty when the rule already holds.
   * Ordered by size, then lexicographically by the sorted keys.
   *
   * <p>At most 50 alternatives are returned, the smallest first. When a rule has more, as {@code
   * ($0 || $1) && ($2 || $3) && …} quickly does, the list is a sample: each alternative still
   * satisfies the rule, but smaller ones may be missing from it.
   *
   * @param present the keys of the fields with a value
   * @return the smallest sets of fields to add, smallest first; empty when the rule holds
   */
  List<Set<FieldKey>> missing(Set<FieldKey> present);

  /**
   * The keys the rule mentions, ascending.
   *
   * @return the keys
   */
  Set<FieldKey> referencedKeys();

  /**
   * Canonical text: {@code " && "} and {@code " || "} between parts, parentheses only around an
   * alternative inside a conjunction. Parsing it gives back an equal rule.
   *
   * @return the rule's text
   */
  String print();
}
