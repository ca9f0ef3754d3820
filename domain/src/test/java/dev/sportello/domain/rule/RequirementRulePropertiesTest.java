package dev.sportello.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import java.util.Comparator;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class RequirementRulePropertiesTest {
  /**
   * Rules over seven keys: small enough to check every subset, and too few for more than 35 minimal
   * alternatives, so the cap on alternatives never applies.
   */
  private static final int KEYS = 7;

  private static final Pattern TOKEN = Pattern.compile("\\$\\d+|&&|\\|\\||[()]");
  private static final String WHITESPACE = " \t\r\n";

  @Provide
  Arbitrary<RequirementRule> rules() {
    return rulesOver(Arbitraries.integers().between(0, KEYS - 1));
  }

  @Provide
  Arbitrary<RequirementRule> widerRules() {
    return rulesOver(
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 999_999)));
  }

  private static Arbitrary<RequirementRule> rulesOver(Arbitrary<Integer> indices) {
    Arbitrary<RequirementRule> keys = indices.map(i -> new FieldRef(new FieldKey("$" + i)));
    return Arbitraries.recursive(() -> keys, RequirementRulePropertiesTest::compound, 0, 4);
  }

  private static Arbitrary<RequirementRule> compound(Arbitrary<RequirementRule> inner) {
    Arbitrary<List<RequirementRule>> parts =
        inner.list().ofMinSize(2).ofMaxSize(3).map(List::ofAll);
    return Arbitraries.oneOf(inner, parts.map(AllOf::new), parts.map(AnyOf::new));
  }

  @Property
  void printingThenParsingGivesTheSameRule(@ForAll("widerRules") RequirementRule rule) {
    assertThat(RequirementRule.parse(rule.print())).isEqualTo(Either.right(rule));
  }

  @Property
  void whitespaceBetweenTokensDoesNotMatter(
      @ForAll("widerRules") RequirementRule rule, @ForAll Random random) {
    StringBuilder spaced = new StringBuilder(whitespace(random));
    Matcher tokens = TOKEN.matcher(rule.print());
    while (tokens.find()) {
      spaced.append(tokens.group()).append(whitespace(random));
    }

    assertThat(RequirementRule.parse(spaced.toString())).isEqualTo(Either.right(rule));
  }

  @Property
  void redundantParenthesesDoNotMatter(
      @ForAll("widerRules") RequirementRule rule, @ForAll @IntRange(min = 1, max = 5) int depth) {
    String wrapped = "(".repeat(depth) + rule.print() + ")".repeat(depth);

    assertThat(RequirementRule.parse(wrapped)).isEqualTo(Either.right(rule));
  }

  @Property
  void evaluationAgreesWithAReferenceEvaluator(
      @ForAll("rules") RequirementRule rule, @ForAll("presentKeys") Set<FieldKey> present) {
    assertThat(rule.isSatisfiedBy(present)).isEqualTo(reference(rule).test(present));
  }

  @Property
  void missingIsEmptyExactlyWhenTheRuleHolds(
      @ForAll("rules") RequirementRule rule, @ForAll("presentKeys") Set<FieldKey> present) {
    assertThat(rule.missing(present).isEmpty()).isEqualTo(rule.isSatisfiedBy(present));
  }

  @Property
  void addingAnyAlternativeSatisfiesTheRule(
      @ForAll("rules") RequirementRule rule, @ForAll("presentKeys") Set<FieldKey> present) {
    for (Set<FieldKey> alternative : rule.missing(present)) {
      assertThat(reference(rule).test(present.union(alternative))).isTrue();
    }
  }

  @Property
  void noKeyOfAnAlternativeCanBeLeftOut(
      @ForAll("rules") RequirementRule rule, @ForAll("presentKeys") Set<FieldKey> present) {
    for (Set<FieldKey> alternative : rule.missing(present)) {
      for (FieldKey key : alternative) {
        assertThat(reference(rule).test(present.union(alternative.remove(key)))).isFalse();
      }
    }
  }

  @Property
  void alternativesAreExactlyTheMinimalCompletionsInOrder(
      @ForAll("rules") RequirementRule rule, @ForAll("presentKeys") Set<FieldKey> present) {
    assertThat(rule.missing(present)).isEqualTo(minimalCompletions(rule, present));
  }

  @Property
  void referencedKeysAreTheKeysInTheText(@ForAll("widerRules") RequirementRule rule) {
    Matcher tokens = TOKEN.matcher(rule.print());
    Set<FieldKey> written = TreeSet.empty();
    while (tokens.find()) {
      if (tokens.group().startsWith("$")) {
        written = written.add(new FieldKey(tokens.group()));
      }
    }

    assertThat(rule.referencedKeys()).isEqualTo(written);
  }

  @Property
  void anyTextParsesToAStableRuleOrFailsWithinIt(
      @ForAll @StringLength(max = 40) @Chars({'$', '0', '1', '7', '&', '|', '(', ')', ' ', 'x'})
          String text) {
    RequirementRule.parse(text)
        .peek(rule -> assertThat(RequirementRule.parse(rule.print())).isEqualTo(Either.right(rule)))
        .peekLeft(error -> {
          assertThat(error.column()).isBetween(1, text.length() + 1);
          assertThat(error.message())
              .startsWith("at column " + error.column() + ": expected " + error.expected());
        });
  }

  @Provide
  Arbitrary<Set<FieldKey>> presentKeys() {
    // One key more than the rules use: present fields the rule never mentions change nothing.
    return Arbitraries.integers()
        .between(0, KEYS)
        .set()
        .map(indices -> HashSet.ofAll(indices).map(i -> new FieldKey("$" + i)));
  }

  private static String whitespace(Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(3); i > 0; i--) {
      out.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
    }
    return out.toString();
  }

  /** An independent evaluator: the rule folded into a predicate. */
  private static Predicate<Set<FieldKey>> reference(RequirementRule rule) {
    return switch (rule) {
      case FieldRef ref -> present -> present.contains(ref.key());
      case AllOf all ->
          all.parts().map(RequirementRulePropertiesTest::reference).reduce(Predicate::and);
      case AnyOf any ->
          any.parts().map(RequirementRulePropertiesTest::reference).reduce(Predicate::or);
    };
  }

  /**
   * Every subset of the absent keys that satisfies the rule while no smaller one inside it does.
   */
  private static List<Set<FieldKey>> minimalCompletions(
      RequirementRule rule, Set<FieldKey> present) {
    Predicate<Set<FieldKey>> holds = reference(rule);
    if (holds.test(present)) {
      return List.empty();
    }
    List<FieldKey> absent = rule.referencedKeys().removeAll(present).toList().sorted();
    List<Set<FieldKey>> subsets = List.of(TreeSet.empty());
    for (FieldKey key : absent) {
      subsets = subsets.appendAll(subsets.map(s -> s.add(key)));
    }
    List<Set<FieldKey>> satisfying = subsets.filter(s -> holds.test(present.union(s)));
    return satisfying
        .filter(s -> satisfying.forAll(other -> other.equals(s) || !s.containsAll(other)))
        .sorted(BY_SIZE_THEN_KEYS);
  }

  private static final Comparator<Set<FieldKey>> BY_SIZE_THEN_KEYS =
      Comparator.<Set<FieldKey>>comparingInt(Set::size)
          .thenComparing(RequirementRulePropertiesTest::compareSortedKeys);

  private static int compareSortedKeys(Set<FieldKey> left, Set<FieldKey> right) {
    return left.toList()
        .sorted()
        .zip(right.toList().sorted())
        .map(pair -> pair._1.compareTo(pair._2))
        .find(c -> c != 0)
        .getOrElse(0);
  }
}
