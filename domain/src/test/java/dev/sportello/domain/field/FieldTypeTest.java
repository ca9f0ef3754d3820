package dev.sportello.domain.field;

import static dev.sportello.domain.field.Results.rejectionMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FieldTypeTest {

  static Stream<FieldType> knownTypes() {
    return Stream.of(
        new FieldType.Text(),
        new FieldType.Denomination(),
        new FieldType.PersonalTaxCode(),
        new FieldType.TaxCode(),
        new FieldType.VatNumber(),
        new FieldType.MunicipalityCode(),
        new FieldType.ProvinceCode(),
        new FieldType.Date(),
        new FieldType.Email(),
        new FieldType.File());
  }

  @ParameterizedTest
  @CsvSource({
    "testo, Text",
    "denominazione, Denomination",
    "codice_fiscale_persona_fisica, PersonalTaxCode",
    "codice_fiscale, TaxCode",
    "partita_iva, VatNumber",
    "cod_comune, MunicipalityCode",
    "cod_provincia, ProvinceCode",
    "data_iso8601, Date",
    "email, Email",
    "file, File"
  })
  void each_known_tipo_reads_as_its_kind(String tipo, String kind) {
    assertThat(FieldType.fromWire(tipo).getClass().getSimpleName()).isEqualTo(kind);
  }

  @ParameterizedTest
  @MethodSource("knownTypes")
  void each_kind_is_written_back_as_the_tipo_it_was_read_from(FieldType type) {
    assertThat(FieldType.fromWire(type.wireName())).isEqualTo(type);
  }

  @Test
  void a_tipo_is_read_trimmed_and_case_insensitively() {
    assertThat(FieldType.fromWire("  Codice_Fiscale \t")).isEqualTo(new FieldType.TaxCode());
  }

  @Test
  void an_unknown_tipo_is_kept_trimmed_as_published() {
    FieldType type = FieldType.fromWire(" Numero ");

    assertThat(type).isEqualTo(new FieldType.Unknown("Numero"));
    assertThat(type.wireName()).isEqualTo("Numero");
  }

  static Stream<Arguments> refusedValues() {
    return Stream.of(
        Arguments.of(new FieldType.Text(), "Mario\nRossi"),
        Arguments.of(new FieldType.PersonalTaxCode(), "RSSMRA80A01H501V"),
        Arguments.of(new FieldType.TaxCode(), "00743110158"),
        Arguments.of(new FieldType.VatNumber(), "IT00743110158"),
        Arguments.of(new FieldType.MunicipalityCode(), "H5011"),
        Arguments.of(new FieldType.ProvinceCode(), "XX"),
        Arguments.of(new FieldType.Date(), "31-02-1980"),
        Arguments.of(new FieldType.Email(), "mario.rossi@example"),
        Arguments.of(new FieldType.File(), "mario_rossi.gif|data:image/gif;base64,R0lG"));
  }

  @ParameterizedTest
  @MethodSource("refusedValues")
  void a_refusal_explains_itself_without_repeating_the_value(FieldType type, String value) {
    assertThat(rejectionMessage(type.normalise(value, ValuePolicy.defaults())))
        .isNotBlank()
        .doesNotContain(value)
        .doesNotContainIgnoringCase("rossi");
  }
}
