package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;

/**
 * True when the field has a value.
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
    return List.of(present);
  }

  @Override
  public Set<FieldKey> referencedKeys() {
    return io.vavr.collection.HashSet.empty();
  }

  @Override
  public String print() {
    return key.toString();
  }
}
