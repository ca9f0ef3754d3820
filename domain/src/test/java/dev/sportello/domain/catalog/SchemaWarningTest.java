package dev.sportello.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.field.FieldKey;
import io.vavr.control.Option;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaWarningTest {

  static Stream<Arguments> warnings() {
    FieldKey k6 = new FieldKey("$6");
    FieldKey k7 = new FieldKey("$7");
    return Stream.of(
        Arguments.of(
            new SchemaWarning.DuplicateKey(k6, "Codice Fiscale", Option.some(k7)),
            "duplicate_key",
            "'Codice Fiscale' was read as $7"),
        Arguments.of(
            new SchemaWarning.DuplicateKey(k6, "Codice Fiscale", Option.none()),
            "duplicate_key",
            "'Codice Fiscale' was ignored"),
        Arguments.of(new SchemaWarning.UndefinedReference(k7), "undefined_reference", "$7"),
        Arguments.of(
            new SchemaWarning.UnreferencedField(k6, "Note"), "unreferenced_field", "$6 ('Note')"),
        Arguments.of(new SchemaWarning.UnknownType(k6, "numero"), "unknown_type", "'numero'"),
        Arguments.of(new SchemaWarning.MalformedKey("nome"), "malformed_key", "'nome'"),
        Arguments.of(
            new SchemaWarning.UnreadableRule("column 4: expected a field key"),
            "unreadable_rule",
            "(column 4: expected a field key)"),
        Arguments.of(new SchemaWarning.MissingRule(), "missing_rule", "no requirement rule"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("warnings")
  void everyWarningHasAStableCodeAndSaysWhatItIsAbout(
      SchemaWarning warning, String code, String excerpt) {
    assertThat(warning.code()).isEqualTo(code);
    assertThat(warning.message()).contains(excerpt);
  }
}
