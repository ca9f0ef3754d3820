package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;

/**
 * Holds when the field has a value.
 *
 * @param key the field
 */
public record FieldRef(FieldKey key) implements RequirementRule {
  @Override
  public boolean isSatisfiedBy(Set<FieldKey> present) {
    return present.contains(key);
  }

  @Override
  public List<Set<FieldKey>> missing(Set<FieldKey> present) {
    return Alternatives.missing(this, present);
  }

  @Override
  public Set<FieldKey> referencedKeys() {
    return TreeSet.of(key);
  }

  @Override
  public String print() {
    return Printer.print(this);
  }
}
