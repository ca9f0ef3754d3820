package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.Set;
import java.util.Arrays;

/**
 * A rule with each key replaced by its position among the keys the rule mentions, ascending, so
 * that sets of keys become bit sets whose order is the keys' order.
 */
final class KeyedRule {
  /** The keys the rule mentions, ascending: position {@code i} stands for {@code keys[i]}. */
  final FieldKey[] keys;

  final Part root;

  /** One node of the rule, with keys as positions. */
  sealed interface Part permits Key, Both, Either {}

  /** The key at {@code position} has a value. */
  record Key(int position) implements Part {}

  /** Every part holds, in the order written. */
  static final class Both implements Part {
    final Part[] parts;

    Both(Part[] parts) {
      this.parts = parts;
    }
  }

  /** Some part holds, in the order written. */
  static final class Either implements Part {
    final Part[] parts;

    Either(Part[] parts) {
      this.parts = parts;
    }
  }

  private KeyedRule(FieldKey[] keys, Part root) {
    this.keys = keys;
    this.root = root;
  }

  static KeyedRule of(RequirementRule rule) {
    FieldKey[] keys = rule.referencedKeys().toJavaArray(FieldKey[]::new);
    return new KeyedRule(keys, part(rule, keys));
  }

  private static Part part(RequirementRule rule, FieldKey[] keys) {
    return switch (rule) {
      case FieldRef ref -> new Key(Arrays.binarySearch(keys, ref.key()));
      case AllOf all -> new Both(all.parts().map(p -> part(p, keys)).toJavaArray(Part[]::new));
      case AnyOf any -> new Either(any.parts().map(p -> part(p, keys)).toJavaArray(Part[]::new));
    };
  }

  /** The positions of the given keys, as a bit set over {@link #keys}. */
  long[] positionsOf(Set<FieldKey> present) {
    long[] positions = new long[words()];
    for (int i = 0; i < keys.length; i++) {
      if (present.contains(keys[i])) {
        positions[i >>> 6] |= 1L << i;
      }
    }
    return positions;
  }

  int words() {
    return (keys.length + 63) >>> 6;
  }
}
