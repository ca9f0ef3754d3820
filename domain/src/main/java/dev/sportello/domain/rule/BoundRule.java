package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule bound to the form it belongs to: every key is replaced by the index of its field, so that
 * checking a submission tests bit masks instead of looking keys up. A conjunction of keys is one
 * mask test; a key the form does not define is never present.
 *
 * <p>It answers exactly as the rule does: {@code isSatisfiedBy} and {@code missing} give the same
 * results as {@link RequirementRule#isSatisfiedBy} and {@link RequirementRule#missing} on the keys
 * of the present fields, including the order and the cap of the alternatives.
 */
public final class BoundRule {
  private final RequirementRule rule;
  private final int formSize;

  /** The rule over key positions, for explaining what is missing. */
  private final KeyedRule keyed;

  /**
   * The field index of each of the rule's keys, by position; -1 when the form has no such field.
   */
  private final int[] fieldOfKey;

  /** The rule over field indexes, for deciding whether it holds. */
  private final Conjunction test;

  private BoundRule(RequirementRule rule, int formSize, KeyedRule keyed, int[] fieldOfKey) {
    this.rule = rule;
    this.formSize = formSize;
    this.keyed = keyed;
    this.fieldOfKey = fieldOfKey;
    this.test = Conjunction.of(keyed.root, fieldOfKey, (formSize + 63) >>> 6);
  }

  /**
   * Binds a rule to a form.
   *
   * @param rule the form's rule
   * @param fieldKeys the form's keys, each at its field's index; no key twice
   * @return the bound rule
   */
  public static BoundRule bind(RequirementRule rule, Seq<FieldKey> fieldKeys) {
    Objects.requireNonNull(rule, "rule");
    Map<FieldKey, Integer> indexes = HashMap.newHashMap(fieldKeys.size());
    int index = 0;
    for (FieldKey key : fieldKeys) {
      if (indexes.put(key, index++) != null) {
        throw new IllegalArgumentException("a form defines each key once, not " + key);
      }
    }
    KeyedRule keyed = KeyedRule.of(rule);
    int[] fieldOfKey = new int[keyed.keys.length];
    for (int i = 0; i < fieldOfKey.length; i++) {
      fieldOfKey[i] = indexes.getOrDefault(keyed.keys[i], -1);
    }
    return new BoundRule(rule, fieldKeys.size(), keyed, fieldOfKey);
  }

  /**
   * Whether the rule holds when exactly the given fields have values.
   *
   * @param present the fields with a value
   * @return true when the rule holds
   */
  public boolean isSatisfiedBy(PresentFields present) {
    return test.holds(sameForm(present).words());
  }

  /**
   * What is missing, exactly as {@link RequirementRule#missing} says it for the keys of the present
   * fields: the smallest alternatives, at most 50, ordered by size then keys. Empty when the rule
   * holds, which is one mask test: the explanation is only worked out when it does not.
   *
   * @param present the fields with a value
   * @return the smallest sets of fields to add, smallest first; empty when the rule holds
   */
  public List<Set<FieldKey>> missing(PresentFields present) {
    if (isSatisfiedBy(present)) {
      return List.empty();
    }
    long[] presentKeys = new long[keyed.words()];
    for (int i = 0; i < fieldOfKey.length; i++) {
      if (fieldOfKey[i] >= 0 && present.contains(fieldOfKey[i])) {
        presentKeys[i >>> 6] |= 1L << i;
      }
    }
    return Alternatives.missing(keyed, presentKeys);
  }

  private PresentFields sameForm(PresentFields present) {
    if (present.size() != formSize) {
      throw new IllegalArgumentException(
          "the rule is bound to a form of " + formSize + " fields, not " + present.size());
    }
    return present;
  }

  /** Prints the rule. */
  @Override
  public String toString() {
    return rule.print();
  }

  /**
   * Every key in {@code required} has a value, and every choice holds; never when the conjunction
   * names a key the form does not define.
   */
  private static final class Conjunction {
    private final boolean possible;
    private final long[] required;
    private final Disjunction[] choices;

    private Conjunction(boolean possible, long[] required, Disjunction[] choices) {
      this.possible = possible;
      this.required = required;
      this.choices = choices;
    }

    static Conjunction of(KeyedRule.Part part, int[] fieldOfKey, int words) {
      long[] required = new long[words];
      List<Disjunction> choices = List.empty();
      boolean possible = true;
      KeyedRule.Part[] parts =
          part instanceof KeyedRule.Both both ? both.parts : new KeyedRule.Part[] {part};
      for (KeyedRule.Part inner : parts) {
        switch (inner) {
          case KeyedRule.Key key -> {
            int field = fieldOfKey[key.position()];
            if (field < 0) {
              possible = false;
            } else {
              required[field >>> 6] |= 1L << field;
            }
          }
          case KeyedRule.Either either ->
              choices = choices.prepend(Disjunction.of(either, fieldOfKey, words));
          case KeyedRule.Both nested -> throw new IllegalStateException("AllOf is kept flat");
        }
      }
      return new Conjunction(possible, required, choices.reverse().toJavaArray(Disjunction[]::new));
    }

    boolean holds(long[] present) {
      if (!possible) {
        return false;
      }
      for (int i = 0; i < required.length; i++) {
        if ((required[i] & ~present[i]) != 0) {
          return false;
        }
      }
      for (Disjunction choice : choices) {
        if (!choice.holds(present)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Some key in {@code any} has a value, or some option holds. */
  private static final class Disjunction {
    private final long[] any;
    private final Conjunction[] options;

    private Disjunction(long[] any, Conjunction[] options) {
      this.any = any;
      this.options = options;
    }

    static Disjunction of(KeyedRule.Either either, int[] fieldOfKey, int words) {
      long[] any = new long[words];
      List<Conjunction> options = List.empty();
      for (KeyedRule.Part inner : either.parts) {
        if (inner instanceof KeyedRule.Key key) {
          int field = fieldOfKey[key.position()];
          // A key the form does not define never has a value: it cannot make the choice hold.
          if (field >= 0) {
            any[field >>> 6] |= 1L << field;
          }
        } else {
          options = options.prepend(Conjunction.of(inner, fieldOfKey, words));
        }
      }
      return new Disjunction(any, options.reverse().toJavaArray(Conjunction[]::new));
    }

    boolean holds(long[] present) {
      for (int i = 0; i < any.length; i++) {
        if ((any[i] & present[i]) != 0) {
          return true;
        }
      }
      for (Conjunction option : options) {
        if (option.holds(present)) {
          return true;
        }
      }
      return false;
    }
  }
}
