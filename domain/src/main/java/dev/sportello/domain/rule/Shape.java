package dev.sportello.domain.rule;

import io.vavr.collection.List;

/**
 * The normal form every {@link AllOf} and {@link AnyOf} is kept in, so that printing and parsing
 * are inverse: at least two parts, no part of the same kind as its parent, and at most {@link
 * #MAX_NESTING} levels of parentheses when printed.
 */
final class Shape {
  /**
   * How many parentheses may nest, in a rule text and in a printed rule. Real rules nest two or
   * three levels; the cap keeps every recursive operation on a rule far from the stack limit.
   */
  static final int MAX_NESTING = 64;

  private Shape() {}

  static List<RequirementRule> allOfParts(List<RequirementRule> parts) {
    List<RequirementRule> flat =
        parts.flatMap(p -> p instanceof AllOf all ? all.parts() : List.of(p));
    requireTwo(flat, "AllOf");
    int nesting = nestingOfAllOf(flat);
    if (nesting > MAX_NESTING) {
      throw new IllegalArgumentException(
          "AllOf would need " + nesting + " nested parentheses, more than " + MAX_NESTING);
    }
    return flat;
  }

  static List<RequirementRule> anyOfParts(List<RequirementRule> parts) {
    List<RequirementRule> flat =
        parts.flatMap(p -> p instanceof AnyOf any ? any.parts() : List.of(p));
    // Its parts print without parentheses, so an AnyOf never nests deeper than they already do.
    requireTwo(flat, "AnyOf");
    return flat;
  }

  /** The parentheses levels the printed rule needs: one for each AnyOf inside an AllOf. */
  static int nesting(RequirementRule rule) {
    return switch (rule) {
      case FieldRef ref -> 0;
      case AllOf all -> nestingOfAllOf(all.parts());
      case AnyOf any -> nestingOfAnyOf(any.parts());
    };
  }

  private static int nestingOfAllOf(List<RequirementRule> parts) {
    return parts.map(p -> p instanceof AnyOf ? nesting(p) + 1 : nesting(p)).max().getOrElse(0);
  }

  private static int nestingOfAnyOf(List<RequirementRule> parts) {
    return parts.map(Shape::nesting).max().getOrElse(0);
  }

  private static void requireTwo(List<RequirementRule> parts, String kind) {
    if (parts.size() < 2) {
      throw new IllegalArgumentException(kind + " joins at least two parts, got " + parts.size());
    }
  }
}
