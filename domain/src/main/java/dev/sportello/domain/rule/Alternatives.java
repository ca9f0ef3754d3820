package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * The smallest sets of keys that would satisfy a rule, found by expanding it into a disjunction of
 * conjunctions while dropping every conjunction that contains another one.
 *
 * <p>The expansion can grow exponentially ({@code ($0 || $1) && ($2 || $3) && …}), so after every
 * step only the {@link #MAX} best alternatives (fewest keys, then lowest keys) are kept. Every
 * alternative returned still satisfies the rule; once the cap has been hit the list may miss some
 * alternatives, and one of those may have been smaller than a returned one.
 */
final class Alternatives {
  /** Enough for a person to choose from; more would be noise. */
  static final int MAX = 50;

  private final KeyedRule rule;

  /** The rule's keys that have a value, by position; they need nothing. */
  private final long[] present;

  private final int words;

  private Alternatives(KeyedRule rule, long[] present) {
    this.rule = rule;
    this.present = present;
    this.words = rule.words();
  }

  static List<Set<FieldKey>> missing(RequirementRule rule, Set<FieldKey> present) {
    if (rule.isSatisfiedBy(present)) {
      return List.empty();
    }
    KeyedRule keyed = KeyedRule.of(rule);
    return missing(keyed, keyed.positionsOf(present));
  }

  /**
   * The alternatives for a rule that does not hold.
   *
   * @param present the rule's keys that have a value, by position
   */
  static List<Set<FieldKey>> missing(KeyedRule rule, long[] present) {
    Alternatives expansion = new Alternatives(rule, present);
    java.util.List<Bits> alternatives = expansion.of(rule.root);
    // Built from the end: prepending to an immutable list is the one step that does not copy it.
    List<Set<FieldKey>> sets = List.empty();
    for (int i = alternatives.size() - 1; i >= 0; i--) {
      sets = sets.prepend(expansion.keys(alternatives.get(i)));
    }
    return sets;
  }

  private java.util.List<Bits> of(KeyedRule.Part part) {
    return switch (part) {
      case KeyedRule.Key key -> java.util.List.of(single(key.position()));
      case KeyedRule.Either any -> {
        java.util.List<Bits> candidates = new ArrayList<>();
        for (KeyedRule.Part inner : any.parts) {
          candidates.addAll(of(inner));
        }
        yield best(candidates);
      }
      case KeyedRule.Both all -> {
        java.util.List<Bits> product = java.util.List.of(new Bits(new long[words]));
        for (KeyedRule.Part inner : all.parts) {
          if (inner instanceof KeyedRule.Key key && isPresent(key.position())) {
            // Adds nothing to any alternative, and the product is already in its best form.
            continue;
          }
          java.util.List<Bits> choices = of(inner);
          java.util.List<Bits> combined = new ArrayList<>(product.size() * choices.size());
          for (Bits left : product) {
            for (Bits right : choices) {
              combined.add(left.union(right));
            }
          }
          product = best(combined);
        }
        yield product;
      }
    };
  }

  private boolean isPresent(int position) {
    return (present[position >>> 6] & (1L << position)) != 0;
  }

  /** A present key needs nothing; an absent one needs itself. */
  private Bits single(int position) {
    long[] bits = new long[words];
    if (!isPresent(position)) {
      bits[position >>> 6] = 1L << position;
    }
    return new Bits(bits);
  }

  /**
   * Sorted by size then keys, the candidates that contain no earlier one, at most {@link #MAX}.
   * Sorting first means a kept alternative is never a superset of one that comes later.
   */
  private static java.util.List<Bits> best(java.util.List<Bits> candidates) {
    if (candidates.size() == 1) {
      return candidates;
    }
    candidates.sort(Bits.ORDER);
    java.util.List<Bits> kept = new ArrayList<>();
    for (Bits candidate : candidates) {
      if (kept.size() == MAX) {
        break;
      }
      if (!containsSubsetOf(kept, candidate)) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  private static boolean containsSubsetOf(java.util.List<Bits> kept, Bits candidate) {
    for (Bits k : kept) {
      if (k.isSubsetOf(candidate)) {
        return true;
      }
    }
    return false;
  }

  private Set<FieldKey> keys(Bits alternative) {
    TreeSet<FieldKey> keys = TreeSet.empty();
    for (int word = 0; word < words; word++) {
      long rest = alternative.bits[word];
      while (rest != 0) {
        keys = keys.add(rule.keys[word * 64 + Long.numberOfTrailingZeros(rest)]);
        rest &= rest - 1;
      }
    }
    return keys;
  }

  /** A set of the rule's keys, by position. */
  private static final class Bits {
    /** Fewer keys first; among equal sizes, the set holding the lowest differing key. */
    static final Comparator<Bits> ORDER =
        Comparator.comparingInt((Bits b) -> b.size).thenComparing(Bits::compareKeys);

    final long[] bits;
    final int size;

    Bits(long[] bits) {
      this.bits = bits;
      int count = 0;
      for (long word : bits) {
        count += Long.bitCount(word);
      }
      this.size = count;
    }

    Bits union(Bits other) {
      long[] union = new long[bits.length];
      for (int i = 0; i < bits.length; i++) {
        union[i] = bits[i] | other.bits[i];
      }
      return new Bits(union);
    }

    boolean isSubsetOf(Bits other) {
      for (int i = 0; i < bits.length; i++) {
        if ((bits[i] & ~other.bits[i]) != 0) {
          return false;
        }
      }
      return true;
    }

    /** For sets of equal size this is the lexicographic order of their sorted keys. */
    int compareKeys(Bits other) {
      for (int i = 0; i < bits.length; i++) {
        long difference = bits[i] ^ other.bits[i];
        if (difference != 0) {
          return (bits[i] & Long.lowestOneBit(difference)) != 0 ? -1 : 1;
        }
      }
      return 0;
    }
  }
}
