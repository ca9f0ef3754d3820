package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import java.util.Arrays;

/** Short names for building rules and key sets in tests. */
final class RuleFixtures {
  /** The family-status rule as published: eight fields, all required. */
  static final String FAMILY_STATUS = "$0 && $1 && $2 && $3 && $4 && $5 && $6 && $7";

  /** The A2 application rule: all eight fields, or the first seven. */
  static final String A2 =
      "($0 && $1 && $2 && $3 && $4 && $5 && $6 && $7) || ($0 && $1 && $2 && $3 && $4 && $5 && $6)";

  private RuleFixtures() {}

  static FieldRef ref(int index) {
    return new FieldRef(key(index));
  }

  static AllOf all(RequirementRule... parts) {
    return new AllOf(List.of(parts));
  }

  static AnyOf any(RequirementRule... parts) {
    return new AnyOf(List.of(parts));
  }

  static Set<FieldKey> keys(int... indices) {
    return TreeSet.ofAll(Arrays.stream(indices).mapToObj(RuleFixtures::key).toList());
  }

  static FieldKey key(int index) {
    return new FieldKey("$" + index);
  }

  static RequirementRule parsed(String text) {
    return RequirementRule.parse(text)
        .getOrElseThrow(error -> new AssertionError("should parse: " + error.message()));
  }

  static RuleSyntaxError rejected(String text) {
    return RequirementRule.parse(text)
        .swap()
        .getOrElseThrow(rule -> new AssertionError("should not parse, got " + rule.print()));
  }
}
