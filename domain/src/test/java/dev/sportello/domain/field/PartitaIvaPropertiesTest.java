package dev.sportello.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PartitaIvaPropertiesTest {
  private static final ValuePolicy POLICY = ValuePolicy.defaults();

  @Provide
  Arbitrary<String> numbers() {
    return Arbitraries.strings()
        .numeric()
        .ofLength(10)
        .filter(digits -> !digits.equals("0000000000"))
        .map(ReferenceCodes::withCheckDigit);
  }

  @Property
  void aNumberWithALuhnCheckDigitIsAVatNumberAndATaxCode(@ForAll("numbers") String number) {
    assertThat(new FieldType.VatNumber().normalise(number, POLICY)).isEqualTo(Either.right(number));
    assertThat(new FieldType.TaxCode().normalise(number, POLICY)).isEqualTo(Either.right(number));
  }

  @Property
  void everySingleDigitChangeIsRefused(
      @ForAll("numbers") String number,
      @ForAll @IntRange(max = 10) int position,
      @ForAll @IntRange(max = 9) int digit) {
    char replacement = (char) ('0' + digit);
    Assume.that(number.charAt(position) != replacement);
    String changed = number.substring(0, position) + replacement + number.substring(position + 1);

    assertThat(new FieldType.VatNumber().normalise(changed, POLICY).isLeft()).isTrue();
    assertThat(new FieldType.TaxCode().normalise(changed, POLICY).isLeft()).isTrue();
  }
}
