package dev.sportello.adapter.visengine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.field.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldTypesTest {

  @ParameterizedTest
  @CsvSource({
    "testo, text",
    "denominazione, denomination",
    "codice_fiscale_persona_fisica, personal_tax_code",
    "codice_fiscale, tax_code",
    "partita_iva, vat_number",
    "cod_comune, municipality_code",
    "cod_provincia, province_code",
    "data_iso8601, date",
    "email, email",
    "file, file"
  })
  void eachKnownTipoReadsAsItsKind(String tipo, String kind) {
    assertThat(FieldTypes.of(tipo).kind()).isEqualTo(kind);
  }

  @Test
  void aTipoIsReadTrimmedAndCaseInsensitively() {
    assertThat(FieldTypes.of("  Codice_Fiscale \t")).isEqualTo(new FieldType.TaxCode());
  }

  @Test
  void anUnknownTipoReadsAsAnUnknownKind() {
    assertThat(FieldTypes.of(" Numero ")).isEqualTo(new FieldType.Unknown());
  }
}
