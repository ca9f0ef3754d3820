package dev.sportello.domain.rule;

import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.Set;

/**
 * Pending.
 *
 * @param parts the operands
 */
public record AllOf(List<RequirementRule> parts) implements RequirementRule {
  @Override
  public boolean isSatisfiedBy(Set<FieldKey> present) {
    return present.isEmpty() && parts.isEmpty();
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
    return parts.toString();
  }
}
