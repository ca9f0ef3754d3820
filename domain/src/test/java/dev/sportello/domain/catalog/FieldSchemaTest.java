package dev.sportello.domain.catalog;

import static dev.sportello.domain.fixtures.Forms.field;
import static dev.sportello.domain.fixtures.Forms.optionalField;
import static dev.sportello.domain.fixtures.Forms.orderedField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.rule.AllOf;
import dev.sportello.domain.rule.FieldRef;
import dev.sportello.domain.rule.RequirementRule;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class FieldSchemaTest {

  private static final FieldKey K0 = new FieldKey("$0");
  private static final FieldKey K1 = new FieldKey("$1");
  private static final FieldKey K2 = new FieldKey("$2");
  private static final FieldKey K3 = new FieldKey("$3");

  private static List<FieldKey> keys(FieldSchema schema) {
    return schema.fields().map(FieldSpec::key);
  }

  @Test
  void fieldsAreShownByTheirDisplayOrder() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(
                orderedField("$0", "Zero", 2),
                orderedField("$1", "One", 1),
                orderedField("$2", "Two", 0)),
            "");

    assertThat(keys(schema)).containsExactly(K2, K1, K0);
  }

  @Test
  void fieldsShownAtTheSamePlaceAreOrderedByKey() {
    FieldSchema schema =
        FieldSchema.read(List.of(orderedField("$3", "Three", 3), orderedField("$2", "Two", 3)), "");

    assertThat(keys(schema)).containsExactly(K2, K3);
  }

  @Test
  void numberedKeysAreOrderedByTheirNumber() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(orderedField("field10", "Ten", 0), orderedField("field2", "Two", 0)), "");

    assertThat(keys(schema)).containsExactly(new FieldKey("field2"), new FieldKey("field10"));
  }

  @Test
  void labelsInstructionsAndKeysAreReadTrimmed() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(
                new FieldDeclaration(
                    " $0 ", " Nome ", new FieldType.Text(), " testo ", true, 0, " Il nome. ")),
            "");

    assertThat(schema.fields())
        .containsExactly(
            new FieldSpec(K0, "Nome", new FieldType.Text(), "testo", true, 0, "Il nome."));
  }

  @Test
  void aRepeatedKeyIsReadAsTheUndefinedKeyTheRuleRequires() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(
                field("$0", "Nome", "text"),
                field("$1", "Comune", "municipality_code"),
                field("$1", "Codice Fiscale", "tax_code")),
            "$0 && $1 && $2");

    assertThat(schema.field(K2).map(FieldSpec::label)).contains("Codice Fiscale");
    assertThat(schema.field(K1).map(FieldSpec::label)).contains("Comune");
    assertThat(schema.warnings())
        .containsExactly(new SchemaWarning.DuplicateKey(K1, "Codice Fiscale", Option.some(K2)));
  }

  @Test
  void repeatedKeysFillTheUndefinedKeysLowestFirst() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(field("$0", "A", "text"), field("$0", "B", "text"), field("$0", "C", "text")),
            "$0 && $2 && $1");

    assertThat(schema.field(K1).map(FieldSpec::label)).contains("B");
    assertThat(schema.field(K2).map(FieldSpec::label)).contains("C");
    assertThat(schema.warnings())
        .containsExactly(
            new SchemaWarning.DuplicateKey(K0, "B", Option.some(K1)),
            new SchemaWarning.DuplicateKey(K0, "C", Option.some(K2)));
  }

  @Test
  void aRepeatedKeyWithNoUndefinedKeyToFillIsIgnoredWithAWarning() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(field("$0", "Nome", "text"), field("$0", "Cognome", "text")), "$0");

    assertThat(schema.fields().map(FieldSpec::label)).containsExactly("Nome");
    assertThat(schema.warnings())
        .containsExactly(new SchemaWarning.DuplicateKey(K0, "Cognome", Option.none()));
    assertThat(schema.warnings().head().message()).contains("ignored");
  }

  @Test
  void aKeyTheRuleRequiresAndNoFieldDefinesIsReported() {
    FieldSchema schema = FieldSchema.read(List.of(field("$0", "Nome", "text")), "$0 && $3");

    assertThat(schema.warnings()).containsExactly(new SchemaWarning.UndefinedReference(K3));
    assertThat(schema.requirement()).contains(RequirementRule.parse("$0 && $3").get());
  }

  @Test
  void aFieldTheRuleNeverMentionsIsReportedAsOptional() {
    FieldSchema schema =
        FieldSchema.read(List.of(field("$0", "Nome", "text"), field("$1", "Note", "text")), "$0");

    assertThat(schema.warnings()).containsExactly(new SchemaWarning.UnreferencedField(K1, "Note"));
  }

  @Test
  void aFieldOfAnUnknownTypeIsFreeTextWithAWarning() {
    FieldSchema schema = FieldSchema.read(List.of(field("$0", "Importo", "numero")), "");

    assertThat(schema.field(K0).map(FieldSpec::type)).contains(new FieldType.Unknown());
    assertThat(schema.field(K0).map(FieldSpec::publishedType)).contains("numero");
    assertThat(schema.warnings())
        .contains(new SchemaWarning.UnknownType(K0, "numero"))
        .doesNotHaveDuplicates();
  }

  @Test
  void aFieldWhoseKeyIsNotAFieldKeyIsLeftOutWithAWarning() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(field("Nome e cognome", "Nome", "text"), field("$1", "Cognome", "text")), "");

    assertThat(keys(schema)).containsExactly(K1);
    assertThat(schema.warnings()).contains(new SchemaWarning.MalformedKey("Nome e cognome"));
  }

  @Test
  void keysOfAnyEngineAreReadAsPublished() {
    FieldSchema schema =
        FieldSchema.read(List.of(field("field0", "Codice Fiscale", "tax_code")), "field0");

    assertThat(keys(schema)).containsExactly(new FieldKey("field0"));
    assertThat(schema.warnings()).isEmpty();
  }

  @Test
  void withoutARuleEveryFieldNotMarkedAsPossiblyEmptyIsRequired() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(
                field("$2", "Two", "text"),
                optionalField("$1", "One", "text"),
                field("$0", "Zero", "text")),
            "  ");

    assertThat(schema.warnings()).containsExactly(new SchemaWarning.MissingRule());
    assertThat(schema.requirement())
        .contains(new AllOf(List.of(new FieldRef(K0), new FieldRef(K2))));
  }

  @Test
  void withoutARuleASingleRequiredFieldIsTheRequirement() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(field("$0", "Zero", "text"), optionalField("$1", "One", "text")), "");

    assertThat(schema.requirement()).contains(new FieldRef(K0));
  }

  @Test
  void withoutARuleAndWithEveryFieldPossiblyEmptyNothingIsRequired() {
    FieldSchema schema = FieldSchema.read(List.of(optionalField("$0", "Zero", "text")), "");

    assertThat(schema.requirement()).isEmpty();
  }

  @Test
  void withoutARuleNoFieldIsReportedAsUnreferenced() {
    FieldSchema schema = FieldSchema.read(List.of(field("$0", "Zero", "text")), "");

    assertThat(schema.warnings()).containsExactly(new SchemaWarning.MissingRule());
  }

  @Test
  void anUnreadableRuleIsReplacedByEveryFieldNotMarkedAsPossiblyEmpty() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(field("$0", "Zero", "text"), field("$1", "One", "text")), "$0 & $1");

    assertThat(schema.ruleText()).isEqualTo("$0 & $1");
    assertThat(schema.warnings())
        .singleElement()
        .isInstanceOfSatisfying(
            SchemaWarning.UnreadableRule.class,
            warning -> assertThat(warning.code()).isEqualTo("unreadable_rule"));
    assertThat(schema.requirement())
        .contains(new AllOf(List.of(new FieldRef(K0), new FieldRef(K1))));
  }

  @Test
  void aFieldIsFoundByItsKey() {
    FieldSchema schema = FieldSchema.read(List.of(field("$0", "Nome", "text")), "");

    assertThat(schema.field(K0).map(FieldSpec::label)).contains("Nome");
    assertThat(schema.field(K1)).isEmpty();
  }

  @Test
  void aFieldWithoutALabelIsNamedByItsKey() {
    FieldSchema schema = FieldSchema.read(List.of(field("$0", " ", "text")), "");

    assertThat(schema.field(K0).map(FieldSpec::displayName)).contains("$0");
  }

  @Test
  void aSchemaBuiltFromTheSamePartsIsTheSameSchema() {
    FieldSchema read =
        FieldSchema.read(
            List.of(field("$0", "Cognome", "text"), field("$1", "Codice fiscale", "tax_code")),
            "$0 && $1");

    FieldSchema built =
        new FieldSchema(
            read.declared(), read.fields(), read.ruleText(), read.requirement(), read.warnings());

    assertThat(built).isEqualTo(read).hasSameHashCodeAs(read).hasToString(read.toString());
    assertThat(built.index()).isEqualTo(read.index());
  }

  @Test
  void aSchemaIsWrittenAsItsFiveParts() {
    FieldSchema schema = FieldSchema.read(List.of(field("$0", "Nome", "text")), "$0");

    assertThat(schema.toString())
        .startsWith("FieldSchema[declared=List(FieldDeclaration[")
        .contains(", ruleText=$0, requirement=Some(")
        .endsWith(", warnings=List()]")
        .doesNotContain("FormIndex");
  }

  @Test
  void aSchemaWithTwoFieldsOfOneKeyCannotBeBuilt() {
    FieldSpec name = FieldSchema.read(List.of(field("$0", "Nome", "text")), "").fields().head();

    assertThatThrownBy(() ->
            new FieldSchema(List.empty(), List.of(name, name), "", Option.none(), List.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
