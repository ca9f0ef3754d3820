package dev.sportello.domain.catalog;

import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.rule.BoundRule;
import dev.sportello.domain.rule.RequirementRule;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.OptionalInt;

/**
 * What checking a submission needs to know about a form and that no submission changes, worked out
 * once when the form is read: each field's index (its place in {@link FieldSchema#fields()}), the
 * fields in key order, the requirement rule bound to those indexes, the field holding the person's
 * codice fiscale and the field playing each {@link PersonRole}.
 *
 * <p>It is derived from the schema's fields and requirement, and equal whenever they are.
 */
public final class FormIndex {
  private static final int NONE = -1;

  private final List<FieldSpec> fields;
  private final Option<RequirementRule> requirement;
  private final FieldSpec[] byIndex;
  private final java.util.Map<String, Integer> indexByKey;
  private final int[] inKeyOrder;
  private final Option<BoundRule> rule;
  private final int taxCodeField;

  /** The roles exactly one field plays, with that field's index. */
  private final EnumMap<PersonRole, Integer> fieldByRole;

  private FormIndex(List<FieldSpec> fields, Option<RequirementRule> requirement) {
    this.fields = fields;
    this.requirement = requirement;
    this.byIndex = fields.toJavaArray(FieldSpec[]::new);
    this.indexByKey = HashMap.newHashMap(byIndex.length);
    int[] taxCodes = new int[byIndex.length];
    int taxCodeCount = 0;
    this.fieldByRole = new EnumMap<>(PersonRole.class);
    var ambiguous = EnumSet.noneOf(PersonRole.class);
    for (int i = 0; i < byIndex.length; i++) {
      FieldSpec field = byIndex[i];
      if (indexByKey.put(field.key().value(), i) != null) {
        throw new IllegalArgumentException("a form defines each key once, not " + field.key());
      }
      if (field.type() instanceof FieldType.HoldsTaxCode) {
        taxCodes[taxCodeCount++] = i;
      }
      for (PersonRole role : PersonRole.ofLabel(field.label())) {
        if (fieldByRole.put(role, i) != null) {
          ambiguous.add(role);
        }
      }
    }
    // A role two fields could play, or a second codice fiscale, is a guess the check must not make.
    fieldByRole.keySet().removeAll(ambiguous);
    this.taxCodeField = taxCodeCount == 1 ? taxCodes[0] : NONE;
    this.inKeyOrder =
        java.util.stream.IntStream.range(0, byIndex.length)
            .boxed()
            .sorted(Comparator.comparing(i -> byIndex[i].key()))
            .mapToInt(Integer::intValue)
            .toArray();
    this.rule = requirement.map(r -> BoundRule.bind(r, fields.map(FieldSpec::key)));
  }

  /** The index of a form with the given fields, in display order, and requirement. */
  static FormIndex of(List<FieldSpec> fields, Option<RequirementRule> requirement) {
    return new FormIndex(fields, requirement);
  }

  /** Whether this index was worked out from these fields and this requirement. */
  boolean isOf(List<FieldSpec> fields, Option<RequirementRule> requirement) {
    return this.fields.equals(fields) && this.requirement.equals(requirement);
  }

  /**
   * How many fields the form has.
   *
   * @return the number of fields
   */
  public int size() {
    return byIndex.length;
  }

  /**
   * The field at the given index, from 0 to {@link #size()} - 1.
   *
   * @param index the field's index
   * @return the field
   */
  public FieldSpec field(int index) {
    return byIndex[index];
  }

  /**
   * The index of the field with the given key, exactly as published; empty when there is none.
   *
   * @param key the field's key as text
   * @return the field's index, or empty when the form has no such field
   */
  public OptionalInt indexOf(String key) {
    Integer index = indexByKey.get(key);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /**
   * The index of the field whose key comes at the given place in the keys' natural order ({@code
   * $2} before {@code $10}).
   *
   * @param rank from 0 to {@link #size()} - 1
   * @return the field's index
   */
  public int indexInKeyOrder(int rank) {
    return inKeyOrder[rank];
  }

  /**
   * The requirement rule bound to the field indexes; empty when nothing is required.
   *
   * @return the bound rule, or none
   */
  public Option<BoundRule> rule() {
    return rule;
  }

  /**
   * The index of the one field that may hold a person's codice fiscale; empty when the form has no
   * such field or more than one.
   *
   * @return the field's index, or empty
   */
  public OptionalInt taxCodeField() {
    return taxCodeField == NONE ? OptionalInt.empty() : OptionalInt.of(taxCodeField);
  }

  /**
   * The index of the one field playing the given role; empty when no field or several do.
   *
   * @param role the role
   * @return the field's index, or empty
   */
  public OptionalInt fieldPlaying(PersonRole role) {
    Integer index = fieldByRole.get(role);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FormIndex that && isOf(that.fields, that.requirement);
  }

  @Override
  public int hashCode() {
    return 31 * fields.hashCode() + requirement.hashCode();
  }

  /** Derived from the schema's other parts, so it adds nothing to its text. */
  @Override
  public String toString() {
    return "FormIndex[" + byIndex.length + " fields]";
  }
}
