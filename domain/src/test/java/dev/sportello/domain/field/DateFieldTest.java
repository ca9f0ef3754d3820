package dev.sportello.domain.field;

import static dev.sportello.domain.field.Results.rejectionCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateFieldTest {
  private static final FieldType DATE = new FieldType.Date();
  private static final ValuePolicy ISO = ValuePolicy.defaults();

  @Test
  void anIsoDateIsKept() {
    assertThat(DATE.normalise("2024-03-31", ISO)).isEqualTo(Either.right("2024-03-31"));
  }

  @Test
  void aNormalisedDateReadsBackAsTheSameDay() {
    assertThat(FieldType.Date.read("2024-03-31")).contains(LocalDate.of(2024, 3, 31));
    assertThat(FieldType.Date.read("31-03-2024")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+12345-01-01", "-1985-12-10", "+01985-12-10", "1985-12-10"})
  void anyDateReadsAsLocalDateParseReadsIt(String text) {
    assertThat(FieldType.Date.read(text)).contains(LocalDate.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"31-03-2024", "31/03/2024", "31.03.2024", " 31-03-2024 "})
  void aDayFirstDateIsReadWithAnyOfThreeSeparators(String date) {
    assertThat(DATE.normalise(date, ISO)).isEqualTo(Either.right("2024-03-31"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-3-2024", "01-3-2024", "2024-3-1", "2024-03-1"})
  void singleDigitDaysAndMonthsArePadded(String date) {
    assertThat(DATE.normalise(date, ISO)).isEqualTo(Either.right("2024-03-01"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "31-03/2024",
        "2024/03/31",
        "2024.03.31",
        "31-03-24",
        "2024-03-31T10:00",
        "20240331",
        "31 marzo 2024",
        "2024-003-31",
        "131-03-2024"
      })
  void otherFormsAreRefused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"31-02-2024", "30-02-2024", "29-02-2023", "29-02-1900", "31-04-2024"})
  void aDayTheMonthDoesNotHaveIsRefused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.day");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00-01-2024", "2024-01-00", "32-01-2024"})
  void dayZeroAndDay32AreRefused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.day");
  }

  @ParameterizedTest
  @ValueSource(strings = {"29-02-2024", "29-02-2000", "31-01-2024", "30-04-2024"})
  void theLastDayOfEachMonthIsAccepted(String date) {
    assertThat(DATE.normalise(date, ISO).isRight()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01-13-2024", "01-00-2024", "2024-13-01", "2024-00-01"})
  void aMonthOutside1To12IsRefused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.month");
  }

  @ParameterizedTest
  @ValueSource(strings = {"31-12-1799", "01-01-2100", "0000-01-01", "9999-12-31"})
  void aYearOutside1800To2099IsRefused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.year");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1800-01-01", "2099-12-31"})
  void theFirstAndLastAcceptedYearsAreAccepted(String date) {
    assertThat(DATE.normalise(date, ISO)).isEqualTo(Either.right(date));
  }

  @Property
  void everyRealDateIsReadInAnyFormAndWrittenYearFirst(
      @ForAll @DateRange(min = "1800-01-01", max = "2099-12-31") LocalDate date,
      @ForAll @CharRange(from = '-', to = '/') char separator) {
    String dayFirst =
        DateTimeFormatter.ofPattern("dd" + separator + "MM" + separator + "yyyy", Locale.ROOT)
            .format(date);

    assertThat(DATE.normalise(dayFirst, ISO)).isEqualTo(Either.right(date.toString()));
    assertThat(DATE.normalise(date.toString(), ISO)).isEqualTo(Either.right(date.toString()));
  }
}
