package dev.sportello.domain.catalog;

import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.rule.AllOf;
import dev.sportello.domain.rule.FieldRef;
import dev.sportello.domain.rule.RequirementRule;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Objects;

/**
 * A certificate's form: its fields in display order, the requirement that decides which of them a
 * submission needs, and the defects found while reading it. A value: equal, and written the same,
 * whenever its five parts are. What checking a submission needs from the fields and requirement is
 * worked out once, when the schema is built, and kept with it ({@link #index()}).
 */
public final class FieldSchema {

  private static final Comparator<FieldSpec> DISPLAY_ORDER =
      Comparator.comparingInt(FieldSpec::displayOrder).thenComparing(FieldSpec::key);

  private final List<FieldDeclaration> declared;
  private final List<FieldSpec> fields;
  private final String ruleText;
  private final Option<RequirementRule> requirement;
  private final List<SchemaWarning> warnings;
  private final FormIndex index;

  /**
   * A schema of these parts; {@link #read} is how a published schema becomes one.
   *
   * @param declared the fields as the engine declared them, in document order, so that the schema
   *     can be stored and read again with the same result
   * @param fields the fields, in display order, each key once
   * @param ruleText the requirement rule as published, possibly empty
   * @param requirement what a submission needs: the published rule, or, when it is missing or
   *     unreadable, every field not marked as possibly empty; empty when nothing is required
   * @param warnings the defects found while reading the schema
   * @throws IllegalArgumentException when two fields have the same key
   */
  public FieldSchema(
      List<FieldDeclaration> declared,
      List<FieldSpec> fields,
      String ruleText,
      Option<RequirementRule> requirement,
      List<SchemaWarning> warnings) {
    this.declared = Objects.requireNonNull(declared, "declared");
    this.fields = Objects.requireNonNull(fields, "fields");
    this.ruleText = Objects.requireNonNull(ruleText, "ruleText");
    this.requirement = Objects.requireNonNull(requirement, "requirement");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
    this.index = FormIndex.of(fields, requirement);
  }

  /**
   * The fields as the engine declared them, in document order.
   *
   * @return the declarations
   */
  public List<FieldDeclaration> declared() {
    return declared;
  }

  /**
   * The fields, in display order.
   *
   * @return the fields
   */
  public List<FieldSpec> fields() {
    return fields;
  }

  /**
   * The requirement rule as published, possibly empty.
   *
   * @return the rule's text
   */
  public String ruleText() {
    return ruleText;
  }

  /**
   * What a submission needs; empty when nothing is required.
   *
   * @return the rule, or none
   */
  public Option<RequirementRule> requirement() {
    return requirement;
  }

  /**
   * The defects found while reading the schema.
   *
   * @return the warnings
   */
  public List<SchemaWarning> warnings() {
    return warnings;
  }

  /**
   * What checking a submission needs from the fields and requirement, worked out once.
   *
   * @return the index
   */
  public FormIndex index() {
    return index;
  }

  /**
   * Reads a published schema. It never fails: defects become warnings, and the schema stays usable.
   * Keys, labels, type names and instructions are read trimmed. A key defined twice keeps its first
   * field; the later one is read as the lowest key that the rule requires and no field defines,
   * when there is one (a published family-status schema repeats {@code $6} and requires an
   * undefined {@code $7}), and is left out otherwise.
   *
   * @param declared the fields in document order
   * @param ruleText the requirement rule as published, possibly blank
   * @return the schema, usable whatever its defects
   */
  public static FieldSchema read(List<FieldDeclaration> declared, String ruleText) {
    // Mutable builders: appending to an immutable list in a loop would copy it per field.
    var warnings = new ArrayList<SchemaWarning>();
    Option<RequirementRule> rule = Option.none();
    if (ruleText.isBlank()) {
      warnings.add(new SchemaWarning.MissingRule());
    } else {
      var parsed = RequirementRule.parse(ruleText);
      if (parsed.isRight()) {
        rule = Option.some(parsed.get());
      } else {
        warnings.add(new SchemaWarning.UnreadableRule(parsed.getLeft().message()));
      }
    }

    Map<FieldKey, FieldSpec> defined = LinkedHashMap.empty();
    var duplicates = new ArrayList<FieldSpec>();
    for (FieldDeclaration field : declared) {
      var key = FieldKey.parse(field.key().strip());
      if (key.isInvalid()) {
        warnings.add(new SchemaWarning.MalformedKey(field.key()));
      } else if (defined.containsKey(key.get())) {
        duplicates.add(spec(key.get(), field));
      } else {
        defined = defined.put(key.get(), spec(key.get(), field));
      }
    }

    Set<FieldKey> referenced = rule.map(RequirementRule::referencedKeys).getOrElse(TreeSet.empty());
    List<FieldKey> gaps = TreeSet.ofAll(referenced).removeAll(defined.keySet()).toList();
    for (FieldSpec duplicate : duplicates) {
      FieldKey key = duplicate.key();
      if (gaps.isEmpty()) {
        warnings.add(new SchemaWarning.DuplicateKey(key, duplicate.label(), Option.none()));
      } else {
        FieldKey readAs = gaps.head();
        gaps = gaps.tail();
        defined = defined.put(readAs, duplicate.withKey(readAs));
        warnings.add(new SchemaWarning.DuplicateKey(key, duplicate.label(), Option.some(readAs)));
      }
    }
    for (FieldKey gap : gaps) {
      warnings.add(new SchemaWarning.UndefinedReference(gap));
    }

    List<FieldSpec> fields = defined.values().toList().sorted(DISPLAY_ORDER);
    for (FieldSpec field : fields.sortBy(FieldSpec::key)) {
      if (rule.isDefined() && !referenced.contains(field.key())) {
        warnings.add(new SchemaWarning.UnreferencedField(field.key(), field.label()));
      }
      if (field.type() instanceof FieldType.Unknown) {
        warnings.add(new SchemaWarning.UnknownType(field.key(), field.publishedType()));
      }
    }
    Option<RequirementRule> requirement = rule.orElse(() -> everyNonEmptyField(fields));
    return new FieldSchema(declared, fields, ruleText, requirement, List.ofAll(warnings));
  }

  /**
   * The field with the given key.
   *
   * @param key the field's key
   * @return the field, or none when the form has no such field
   */
  public Option<FieldSpec> field(FieldKey key) {
    return fields.find(field -> field.key().equals(key));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldSchema that
        && declared.equals(that.declared)
        && fields.equals(that.fields)
        && ruleText.equals(that.ruleText)
        && requirement.equals(that.requirement)
        && warnings.equals(that.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(declared, fields, ruleText, requirement, warnings);
  }

  /** Written as a record of its five parts is. */
  @Override
  public String toString() {
    return "FieldSchema[declared=%s, fields=%s, ruleText=%s, requirement=%s, warnings=%s]"
        .formatted(declared, fields, ruleText, requirement, warnings);
  }

  private static FieldSpec spec(FieldKey key, FieldDeclaration declared) {
    return new FieldSpec(
        key,
        declared.label().strip(),
        declared.type(),
        declared.publishedType().strip(),
        declared.mayBeEmpty(),
        declared.displayOrder(),
        declared.instructions().strip());
  }

  private static Option<RequirementRule> everyNonEmptyField(List<FieldSpec> fields) {
    List<RequirementRule> required =
        fields
            .filter(field -> !field.mayBeEmpty())
            .sortBy(FieldSpec::key)
            .map(field -> (RequirementRule) new FieldRef(field.key()));
    return switch (required.size()) {
      case 0 -> Option.none();
      case 1 -> Option.some(required.head());
      default -> Option.some(new AllOf(required));
    };
  }
}
