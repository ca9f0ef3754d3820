package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleTest {

  @Test
  void readsTheVendorsRulesTrailingSpacesIncluded() {
    Rule rule = Rule.parse("$0 && $1  ");

    assertThat(rule)
        .isEqualTo(new Rule.AllOf(java.util.List.of(new Rule.Field("$0"), new Rule.Field("$1"))));
    assertThat(rule.isSatisfiedBy(Set.of("$0", "$1"))).isTrue();
    assertThat(rule.isSatisfiedBy(Set.of("$0"))).isFalse();
  }

  @Test
  void explainsTheCheapestWayToSatisfyAnAlternative() {
    Rule rule = Rule.parse("($0 && $1 && $2) || ($0 && $3)");

    assertThat(rule.isSatisfiedBy(Set.of("$0", "$3"))).isTrue();
    assertThat(rule.cheapestMissing(Set.of("$0"))).containsExactly("$3");
    assertThat(rule.cheapestMissing(Set.of("$1", "$2"))).containsExactly("$0");
    assertThat(rule.cheapestMissing(Set.of())).containsExactly("$0", "$3");
  }

  @Test
  void ordersKeysNumerically() {
    assertThat(Rule.parse("$10 && $2 && $1").cheapestMissing(Set.of()))
        .containsExactly("$1", "$2", "$10");
  }

  @Test
  void andBindsTighterThanOr() {
    Rule rule = Rule.parse("$0 || $1 && $2");

    assertThat(rule.isSatisfiedBy(Set.of("$0"))).isTrue();
    assertThat(rule.isSatisfiedBy(Set.of("$1"))).isFalse();
    assertThat(rule.isSatisfiedBy(Set.of("$1", "$2"))).isTrue();
  }

  @Test
  void readsDocuEnginesFieldKeys() {
    Rule rule = Rule.parse("field0 || (field0 && (field1 || field10))");

    assertThat(rule.isSatisfiedBy(Set.of("field0"))).isTrue();
    assertThat(rule.isSatisfiedBy(Set.of("field1", "field10"))).isFalse();
    assertThat(Rule.parse("field10 && field2").cheapestMissing(Set.of()))
        .containsExactly("field2", "field10");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "$", "$0 &&", "($0", "$0 || !$1", "$0 and $1", "true", "field", "fields0"})
  void textOutsideTheGrammarIsNeverSatisfied(String text) {
    Rule rule = Rule.parse(text);

    assertThat(rule).isInstanceOf(Rule.Unreadable.class);
    assertThat(rule.isSatisfiedBy(Set.of("$0", "$1"))).isFalse();
  }
}
