package dev.sportello.domain.catalog;

import dev.sportello.domain.field.FieldKey;
import io.vavr.control.Option;

/**
 * A defect in a published form schema. The schema stays usable; the warning says what was read and
 * how it was understood.
 */
public sealed interface SchemaWarning {

  /**
   * A stable snake-case code.
   *
   * @return the code
   */
  String code();

  /**
   * An explanation for a person.
   *
   * @return the explanation
   */
  String message();

  /**
   * A key that the published schema defines more than once.
   *
   * @param key the repeated key
   * @param label the label of the repeated field
   * @param readAs the key the repeated field is read as, when one was found
   */
  record DuplicateKey(FieldKey key, String label, Option<FieldKey> readAs)
      implements SchemaWarning {
    @Override
    public String code() {
      return "duplicate_key";
    }

    @Override
    public String message() {
      return readAs.fold(
          () ->
              "the schema defines "
                  + key
                  + " more than once; the later field '"
                  + label
                  + "' was ignored",
          other ->
              "the schema defines "
                  + key
                  + " more than once; the later field '"
                  + label
                  + "' was read as "
                  + other
                  + ", which the rule requires and no field defines");
    }
  }

  /**
   * A key the rule mentions that no field defines.
   *
   * @param key the key the rule names
   */
  record UndefinedReference(FieldKey key) implements SchemaWarning {
    @Override
    public String code() {
      return "undefined_reference";
    }

    @Override
    public String message() {
      return "the rule mentions " + key + ", which no field defines, so the rule can never hold";
    }
  }

  /**
   * A field the rule never mentions: it is optional.
   *
   * @param key the field's key
   * @param label the field's label
   */
  record UnreferencedField(FieldKey key, String label) implements SchemaWarning {
    @Override
    public String code() {
      return "unreferenced_field";
    }

    @Override
    public String message() {
      return "the rule never mentions " + key + " ('" + label + "'), so the field is optional";
    }
  }

  /**
   * A field whose type this model does not know; its values are checked as free text.
   *
   * @param key the field
   * @param publishedType the type's name as the engine published it
   */
  record UnknownType(FieldKey key, String publishedType) implements SchemaWarning {
    @Override
    public String code() {
      return "unknown_type";
    }

    @Override
    public String message() {
      return "the field "
          + key
          + " has the unknown type '"
          + publishedType
          + "'; it is checked as free text";
    }
  }

  /**
   * A field whose key is not a valid field key; the field was left out.
   *
   * @param key the key as published
   */
  record MalformedKey(String key) implements SchemaWarning {
    @Override
    public String code() {
      return "malformed_key";
    }

    @Override
    public String message() {
      return "the field key '"
          + key
          + "' is not 1 to "
          + FieldKey.MAX_LENGTH
          + " letters, digits, '$', '_', '-' or '.'; the field was left out";
    }
  }

  /**
   * A rule that could not be read; every field not marked as possibly empty is required instead.
   *
   * @param reason why the rule could not be read
   */
  record UnreadableRule(String reason) implements SchemaWarning {
    @Override
    public String code() {
      return "unreadable_rule";
    }

    @Override
    public String message() {
      return "the requirement rule could not be read ("
          + reason
          + "); every field not marked as possibly empty is required instead";
    }
  }

  /** A schema without a rule; every field not marked as possibly empty is required instead. */
  record MissingRule() implements SchemaWarning {
    @Override
    public String code() {
      return "missing_rule";
    }

    @Override
    public String message() {
      return "the schema has no requirement rule; every field not marked as possibly empty is required";
    }
  }
}
