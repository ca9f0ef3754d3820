package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;

/**
 * How alternatives were explained before rules were bound to forms, walking the tree and its key
 * sets directly: the behaviour every faster form must keep, cap and order included.
 *
 * <p>The smallest sets of keys that would satisfy a rule, found by expanding it into a disjunction
 * of conjunctions while dropping every conjunction that contains another one.
 *
 * <p>The expansion can grow exponentially ({@code ($0 || $1) && ($2 || $3) && …}), so after every
 * step only the {@link #MAX} best alternatives (fewest keys, then lowest keys) are kept. Every
 * alternative returned still satisfies the rule; once the cap has been hit the list may miss some
 * alternatives, and one of those may have been smaller than a returned one.
 */
final class TreeAlternatives {
  /** Enough for a person to choose from; more would be noise. */
  static final int MAX = 50;

  /** The referenced keys that are absent, ascending; alternatives are bit sets over this array. */
  private final FieldKey[] absent;

  private final int words;

  private TreeAlternatives(FieldKey[] absent) {
    this.absent = absent;
    this.words = (absent.length + 63) / 64;
  }

  static List<Set<FieldKey>> missing(RequirementRule rule, Set<FieldKey> present) {
    if (rule.isSatisfiedBy(present)) {
      return List.empty();
    }
    FieldKey[] absent =
        rule.referencedKeys().filter(k -> !present.contains(k)).toJavaArray(FieldKey[]::new);
    TreeAlternatives expansion = new TreeAlternatives(absent);
    return List.ofAll(expansion.of(rule)).map(expansion::keys);
  }

  private java.util.List<Bits> of(RequirementRule rule) {
    return switch (rule) {
      case FieldRef ref -> java.util.List.of(single(ref.key()));
      case AnyOf any -> {
        java.util.List<Bits> candidates = new ArrayList<>();
        for (RequirementRule part : any.parts()) {
          candidates.addAll(of(part));
        }
        yield best(candidates);
      }
      case AllOf all -> {
        java.util.List<Bits> product = java.util.List.of(new Bits(new long[words]));
        for (RequirementRule part : all.parts()) {
          java.util.List<Bits> choices = of(part);
          java.util.List<Bits> combined = new ArrayList<>();
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

  /** A present key needs nothing; an absent one needs itself. */
  private Bits single(FieldKey key) {
    long[] bits = new long[words];
    int position = Arrays.binarySearch(absent, key);
    if (position >= 0) {
      bits[position >>> 6] = 1L << position;
    }
    return new Bits(bits);
  }

  /**
   * Sorted by size then keys, the candidates that contain no earlier one, at most {@link #MAX}.
   * Sorting first means a kept alternative is never a superset of one that comes later.
   */
  private static java.util.List<Bits> best(java.util.List<Bits> candidates) {
    candidates.sort(Bits.ORDER);
    java.util.List<Bits> kept = new ArrayList<>();
    for (Bits candidate : candidates) {
      if (kept.size() == MAX) {
        break;
      }
      if (kept.stream().noneMatch(k -> k.isSubsetOf(candidate))) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  private Set<FieldKey> keys(Bits alternative) {
    TreeSet<FieldKey> keys = TreeSet.empty();
    for (int word = 0; word < words; word++) {
      long rest = alternative.bits[word];
      while (rest != 0) {
        keys = keys.add(absent[word * 64 + Long.numberOfTrailingZeros(rest)]);
        rest &= rest - 1;
      }
    }
    return keys;
  }

  /** A set of absent keys, by their position in {@link #absent}. */
  private static final class Bits {
    /** Fewer keys first; among equal sizes, the set holding the lowest differing key. */
    static final Comparator<Bits> ORDER =
        Comparator.comparingInt((Bits b) -> b.size).thenComparing(Bits::compareKeys);

    final long[] bits;
    final int size;

    Bits(long[] bits) {
      this.bits = bits;
      this.size = Arrays.stream(bits).mapToInt(Long::bitCount).sum();
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
