package dev.sportello.domain.field;

import static dev.sportello.domain.field.Results.rejectionMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    "text, Text",
    "denomination, Denomination",
    "personal_tax_code, PersonalTaxCode",
    "tax_code, TaxCode",
    "vat_number, VatNumber",
    "municipality_code, MunicipalityCode",
    "province_code, ProvinceCode",
    "date, Date",
    "email, Email",
    "file, File",
    "unknown, Unknown"
  })
  void eachKindHasAnEnglishName(String name, String kind) {
    assertThat(FieldType.ofKind(name).map(type -> type.getClass().getSimpleName())).contains(kind);
  }

  @ParameterizedTest
  @MethodSource("knownTypes")
  void eachKindIsFoundByItsName(FieldType type) {
    assertThat(FieldType.ofKind(type.kind())).contains(type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"testo", "Text", " text", ""})
  void anyOtherNameIsNoKind(String name) {
    assertThat(FieldType.ofKind(name)).isEmpty();
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
  void aRefusalExplainsItselfWithoutRepeatingTheValue(FieldType type, String value) {
    assertThat(rejectionMessage(type.normalise(value, ValuePolicy.defaults())))
        .isNotBlank()
        .doesNotContain(value)
        .doesNotContainIgnoringCase("rossi");
  }
}
