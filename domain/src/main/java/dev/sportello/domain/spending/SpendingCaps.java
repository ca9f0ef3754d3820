package dev.sportello.domain.spending;

import dev.sportello.domain.shared.Money;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every caller's spending caps. A caller's cap for a period is its own when one is set, otherwise
 * the one set for {@value #EVERY_CALLER}, which each caller has on its own (it is not a total); a
 * period without either is not capped.
 *
 * @param caps the caps by caller ({@value #EVERY_CALLER} for every caller), one per period at most
 */
public record SpendingCaps(Map<String, Map<SpendingPeriod, SpendingCap>> caps) {
  /** Names the caps of every caller that has none of its own for a period. */
  public static final String EVERY_CALLER = "*";

  private static final Pattern ENTRY =
      Pattern.compile("([A-Za-z0-9._-]{1,64}|\\*)=(\\d{1,9}(?:\\.\\d{1,2})?)/([A-Za-z]+)");

  /** Checks the components. */
  public SpendingCaps {
    Objects.requireNonNull(caps, "caps");
    caps.forEach((caller, periods) ->
        periods.forEach((period, cap) -> {
          if (cap.period() != period) {
            throw new IllegalArgumentException("a cap is kept under its own period");
          }
        }));
  }

  /**
   * No caps: every caller may spend without limit.
   *
   * @return the caps
   */
  public static SpendingCaps none() {
    return new SpendingCaps(HashMap.empty());
  }

  /**
   * Reads caps written as {@code caller=amount/period} entries separated by commas, such as {@code
   * alice=50/day,alice=800/month,*=20/day}: amounts in euros with VAT with up to two decimals and
   * more than zero, periods {@code day} or {@code month}, and each caller's period given once.
   * Every entry that is wrong is reported, quoted.
   *
   * @param text the caps as configured
   * @return the caps, or every problem found in the text
   */
  public static Validation<List<String>, SpendingCaps> parse(String text) {
    java.util.List<String> problems = new ArrayList<>();
    Map<String, Map<SpendingPeriod, SpendingCap>> caps = HashMap.empty();
    for (String written : text.split(",", -1)) {
      String entry = written.strip();
      Validation<String, Tuple2<String, SpendingCap>> parsed = entry(entry);
      if (parsed.isInvalid()) {
        problems.add(parsed.getError());
        continue;
      }
      String caller = parsed.get()._1;
      SpendingCap cap = parsed.get()._2;
      Map<SpendingPeriod, SpendingCap> own = caps.get(caller).getOrElse(HashMap.empty());
      if (own.containsKey(cap.period())) {
        problems.add(
            "\"" + entry + "\": " + caller + " already has a cap per " + cap.period().noun());
      } else {
        caps = caps.put(caller, own.put(cap.period(), cap));
      }
    }
    return problems.isEmpty()
        ? Validation.valid(new SpendingCaps(caps))
        : Validation.invalid(List.ofAll(problems));
  }

  private static Validation<String, Tuple2<String, SpendingCap>> entry(String entry) {
    Matcher matcher = ENTRY.matcher(entry);
    if (!matcher.matches()) {
      return Validation.invalid(
          "\""
              + entry
              + "\": not caller=amount/period, such as alice=50/day (callers of letters, digits,"
              + " '.', '_' or '-', or * for every caller; amounts in euros with up to two"
              + " decimals)");
    }
    Option<SpendingPeriod> period =
        List.of(SpendingPeriod.values())
            .find(known -> known.noun().equals(matcher.group(3).toLowerCase(Locale.ROOT)));
    Money limit = Money.ofEuros(new BigDecimal(matcher.group(2))).get();
    if (period.isEmpty()) {
      return Validation.invalid("\"" + entry + "\": the period is day or month");
    }
    if (limit.equals(Money.ZERO)) {
      return Validation.invalid("\"" + entry + "\": a cap is more than zero");
    }
    return Validation.valid(Tuple.of(matcher.group(1), new SpendingCap(period.get(), limit)));
  }

  /**
   * A caller's cap for a period: its own, or every caller's.
   *
   * @param caller the caller
   * @param period the period
   * @return the cap, or none when the caller is not capped in the period
   */
  public Option<SpendingCap> of(String caller, SpendingPeriod period) {
    return caps.get(caller)
        .flatMap(own -> own.get(period))
        .orElse(() -> caps.get(EVERY_CALLER).flatMap(every -> every.get(period)));
  }

  /**
   * A caller's caps, the day's before the month's.
   *
   * @param caller the caller
   * @return the caps, the day's before the month's
   */
  public List<SpendingCap> of(String caller) {
    return List.of(SpendingPeriod.values()).flatMap(period -> of(caller, period));
  }
}
