package dev.sportello.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A rule bound to its form answers exactly as the parsed rule does on the keys of the present
 * fields, and the parsed rule explains exactly as it did before rules could be bound.
 */
class BoundRulePropertiesTest {
  /**
   * A rule, the keys of its form (in the form's order), and which of the form's fields have values.
   */
  record Case(RequirementRule rule, List<FieldKey> form, java.util.Set<Integer> present) {
    PresentFields presentFields() {
      PresentFields.Builder builder = PresentFields.builder(form.size());
      present.forEach(builder::add);
      return builder.build();
    }

    Set<FieldKey> presentKeys() {
      return TreeSet.ofAll(present).map(form::get);
    }
  }

  @Provide
  Arbitrary<Case> smallForms() {
    return cases(12, 16);
  }

  /** Forms of more than 64 fields, and rules naming keys beyond them. */
  @Provide
  Arbitrary<Case> wideForms() {
    return cases(150, 130);
  }

  /**
   * Random rules over keys {@code $0…$keys-1}; forms defining a random subset of {@code
   * $0…$formKeys-1} in a random order, so some keys the rule names are missing from the form.
   */
  private static Arbitrary<Case> cases(int keys, int formKeys) {
    Arbitrary<RequirementRule> rules =
        Arbitraries.oneOf(anyRule(keys), choicesInEveryPart(keys), conjunctions(keys));
    Arbitrary<List<FieldKey>> forms =
        Arbitraries.integers()
            .between(0, formKeys - 1)
            .set()
            .ofMaxSize(formKeys)
            .map(indices -> List.ofAll(indices).shuffle().map(BoundRulePropertiesTest::key));
    return Combinators.combine(rules, forms)
        .flatAs((rule, form) ->
            Arbitraries.integers()
                .between(0, Math.max(0, form.size() - 1))
                .set()
                .ofMaxSize(form.size())
                .map(present ->
                    new Case(rule, form, form.isEmpty() ? java.util.Set.of() : present)));
  }

  private static Arbitrary<RequirementRule> anyRule(int keys) {
    Arbitrary<RequirementRule> leaves =
        Arbitraries.integers().between(0, keys - 1).map(RuleFixtures::ref);
    return Arbitraries.recursive(() -> leaves, BoundRulePropertiesTest::compound, 0, 4);
  }

  /** {@code ($a || $b) && ($c || $d) && …}: past six parts there are more than 50 alternatives. */
  private static Arbitrary<RequirementRule> choicesInEveryPart(int keys) {
    Arbitrary<RequirementRule> choice =
        Arbitraries.integers()
            .between(0, keys - 1)
            .list()
            .ofMinSize(2)
            .ofMaxSize(3)
            .map(indices -> new AnyOf(List.ofAll(indices).map(RuleFixtures::ref)));
    return choice.list().ofMinSize(2).ofMaxSize(9).map(parts -> new AllOf(List.ofAll(parts)));
  }

  /** A long conjunction, as published forms have, or a choice between two. */
  private static Arbitrary<RequirementRule> conjunctions(int keys) {
    Arbitrary<RequirementRule> conjunction =
        Arbitraries.integers()
            .between(0, keys - 1)
            .list()
            .ofMinSize(2)
            .ofMaxSize(keys)
            .map(indices -> new AllOf(List.ofAll(indices).map(RuleFixtures::ref)));
    return Arbitraries.oneOf(
        conjunction, conjunction.list().ofSize(2).map(parts -> new AnyOf(List.ofAll(parts))));
  }

  private static Arbitrary<RequirementRule> compound(Arbitrary<RequirementRule> inner) {
    Arbitrary<List<RequirementRule>> parts =
        inner.list().ofMinSize(2).ofMaxSize(3).map(List::ofAll);
    return Arbitraries.oneOf(inner, parts.map(AllOf::new), parts.map(AnyOf::new));
  }

  private static FieldKey key(int index) {
    return RuleFixtures.key(index);
  }

  private static BoundRule bound(Case c) {
    return BoundRule.bind(c.rule(), c.form());
  }

  @Property
  void aBoundRuleHoldsExactlyWhenTheRuleDoes(@ForAll("smallForms") Case c) {
    assertThat(bound(c).isSatisfiedBy(c.presentFields()))
        .isEqualTo(c.rule().isSatisfiedBy(c.presentKeys()));
  }

  @Property
  void aBoundRuleExplainsExactlyAsTheRuleDoes(@ForAll("smallForms") Case c) {
    assertThat(bound(c).missing(c.presentFields())).isEqualTo(c.rule().missing(c.presentKeys()));
  }

  @Property(tries = 300)
  void onAFormOfMoreThan64FieldsABoundRuleAnswersAsTheRuleDoes(@ForAll("wideForms") Case c) {
    BoundRule bound = bound(c);

    assertThat(bound.isSatisfiedBy(c.presentFields()))
        .isEqualTo(c.rule().isSatisfiedBy(c.presentKeys()));
    assertThat(bound.missing(c.presentFields())).isEqualTo(c.rule().missing(c.presentKeys()));
  }

  @Property
  void theRuleExplainsAsTheTreeWalkDid(@ForAll("smallForms") Case c) {
    assertThat(c.rule().missing(c.presentKeys()))
        .isEqualTo(TreeAlternatives.missing(c.rule(), c.presentKeys()));
  }

  @Property(tries = 300)
  void overManyKeysTheRuleExplainsAsTheTreeWalkDid(@ForAll("wideForms") Case c) {
    assertThat(c.rule().missing(c.presentKeys()))
        .isEqualTo(TreeAlternatives.missing(c.rule(), c.presentKeys()));
  }

  @Test
  void aKeyTheFormLacksIsNeverPresentButIsStillNamed() {
    BoundRule rule = BoundRule.bind(RuleFixtures.parsed("$0 && $7"), List.of(key(0), key(6)));
    PresentFields both = PresentFields.builder(2).add(0).add(1).build();

    assertThat(rule.isSatisfiedBy(both)).isFalse();
    assertThat(rule.missing(both)).containsExactly(RuleFixtures.keys(7));
  }

  @Test
  void aChoiceOfAKeyTheFormLacksFallsToTheOtherKeys() {
    BoundRule rule = BoundRule.bind(RuleFixtures.parsed("$7 || $1"), List.of(key(0), key(1)));

    assertThat(rule.isSatisfiedBy(PresentFields.builder(2).add(1).build())).isTrue();
    assertThat(rule.isSatisfiedBy(PresentFields.builder(2).add(0).build())).isFalse();
  }

  @Test
  void theCapOfFiftyAlternativesStays() {
    RequirementRule rule =
        RuleFixtures.parsed(
            "($0 || $1) && ($2 || $3) && ($4 || $5) && ($6 || $7) && ($8 || $9) && ($10 || $11)");
    List<FieldKey> form = List.range(0, 12).map(BoundRulePropertiesTest::key);
    PresentFields none = PresentFields.builder(12).build();

    List<Set<FieldKey>> missing = BoundRule.bind(rule, form).missing(none);

    assertThat(missing).hasSize(50).isEqualTo(TreeAlternatives.missing(rule, TreeSet.empty()));
  }

  @Test
  void presentFieldsOfAnotherFormAreRefused() {
    BoundRule rule = BoundRule.bind(RuleFixtures.parsed("$0"), List.of(key(0)));

    assertThatThrownBy(() -> rule.isSatisfiedBy(PresentFields.builder(2).build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFormWithAKeyTwiceCannotBeBound() {
    assertThatThrownBy(() -> BoundRule.bind(RuleFixtures.parsed("$0"), List.of(key(0), key(0))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
