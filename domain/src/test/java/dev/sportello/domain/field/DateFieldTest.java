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
  void an_iso_date_is_kept() {
    assertThat(DATE.normalise("2024-03-31", ISO)).isEqualTo(Either.right("2024-03-31"));
  }

  @Test
  void a_normalised_date_reads_back_as_the_same_day() {
    assertThat(FieldType.Date.read("2024-03-31")).contains(LocalDate.of(2024, 3, 31));
    assertThat(FieldType.Date.read("31-03-2024")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"31-03-2024", "31/03/2024", "31.03.2024", " 31-03-2024 "})
  void a_day_first_date_is_read_with_any_of_three_separators(String date) {
    assertThat(DATE.normalise(date, ISO)).isEqualTo(Either.right("2024-03-31"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-3-2024", "01-3-2024", "2024-3-1", "2024-03-1"})
  void single_digit_days_and_months_are_padded(String date) {
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
  void other_forms_are_refused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"31-02-2024", "30-02-2024", "29-02-2023", "29-02-1900", "31-04-2024"})
  void a_day_the_month_does_not_have_is_refused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.day");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00-01-2024", "2024-01-00", "32-01-2024"})
  void day_zero_and_day_32_are_refused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.day");
  }

  @ParameterizedTest
  @ValueSource(strings = {"29-02-2024", "29-02-2000", "31-01-2024", "30-04-2024"})
  void the_last_day_of_each_month_is_accepted(String date) {
    assertThat(DATE.normalise(date, ISO).isRight()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01-13-2024", "01-00-2024", "2024-13-01", "2024-00-01"})
  void a_month_outside_1_to_12_is_refused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.month");
  }

  @ParameterizedTest
  @ValueSource(strings = {"31-12-1799", "01-01-2100", "0000-01-01", "9999-12-31"})
  void a_year_outside_1800_to_2099_is_refused(String date) {
    assertThat(rejectionCode(DATE.normalise(date, ISO))).isEqualTo("date.year");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1800-01-01", "2099-12-31"})
  void the_first_and_last_accepted_years_are_accepted(String date) {
    assertThat(DATE.normalise(date, ISO)).isEqualTo(Either.right(date));
  }

  @Property
  void every_real_date_is_read_in_any_form_and_written_year_first(
      @ForAll @DateRange(min = "1800-01-01", max = "2099-12-31") LocalDate date,
      @ForAll @CharRange(from = '-', to = '/') char separator) {
    String dayFirst =
        DateTimeFormatter.ofPattern("dd" + separator + "MM" + separator + "yyyy", Locale.ROOT)
            .format(date);

    assertThat(DATE.normalise(dayFirst, ISO)).isEqualTo(Either.right(date.toString()));
    assertThat(DATE.normalise(date.toString(), ISO)).isEqualTo(Either.right(date.toString()));
  }
}
