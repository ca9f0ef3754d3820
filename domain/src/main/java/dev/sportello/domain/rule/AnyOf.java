package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;

/**
 * Holds when at least one part holds: {@code a || b || …}.
 *
 * <p>Always in normal form: a part that is itself an {@code AnyOf} is replaced by its parts, so
 * {@code ($0 || $1) || $2} and {@code $0 || ($1 || $2)} are the same rule. Parts keep the order and
 * repetitions they were written with, so the rule prints back as written.
 *
 * @param parts the operands, at least two after flattening
 */
public record AnyOf(List<RequirementRule> parts) implements RequirementRule {
  /**
   * Flattens the parts into normal form.
   *
   * @throws IllegalArgumentException with fewer than two parts, or when the rule would print with
   *     more nested parentheses than a rule text may have (64)
   */
  public AnyOf {
    parts = Shape.anyOfParts(parts);
  }

  @Override
  public boolean isSatisfiedBy(Set<FieldKey> present) {
    // A hand-written walk over the cons cells: no iterator or lambda is allocated per call.
    for (List<RequirementRule> rest = parts; !rest.isEmpty(); rest = rest.tail()) {
      if (rest.head().isSatisfiedBy(present)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<Set<FieldKey>> missing(Set<FieldKey> present) {
    return Alternatives.missing(this, present);
  }

  @Override
  public Set<FieldKey> referencedKeys() {
    return parts.foldLeft(TreeSet.empty(), (keys, part) -> keys.addAll(part.referencedKeys()));
  }

  @Override
  public String print() {
    return Printer.print(this);
  }
}
