package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxCodesTest {

  @ParameterizedTest
  @CsvSource({
    "RSSMRA85T10A562S, true",
    "SCRLCU73R02H501H, true", // the vendor's own example
    "RSSMRA85T10A562T, false", // wrong check character
    "RSSMRAURTMLARSNL, true", // every digit replaced by its omocodia letter
    "RSSMRA85T10A56AS, false", // a letter where only digits or omocodia letters belong
    "RSSMRA85T10A562, false",
  })
  void checksPersonalTaxCodes(String code, boolean valid) {
    assertThat(TaxCodes.isPersonalTaxCode(code)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({
    "01500001019, true",
    "12345678911, true",
    "12345678910, false", // the vendor's failing search example
    "1234567891, false",
    "1234567891A, false",
  })
  void checksVatNumbers(String number, boolean valid) {
    assertThat(TaxCodes.isVatNumber(number)).isEqualTo(valid);
  }
}
