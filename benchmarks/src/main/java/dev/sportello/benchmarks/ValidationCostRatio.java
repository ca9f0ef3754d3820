package dev.sportello.benchmarks;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SubmissionValidationBenchmark} and prints validation time over parse time, with the
 * range the two 99.9% confidence intervals allow. Takes JMH's usual options, such as {@code -f 1}
 * for a quicker, rougher run.
 */
public final class ValidationCostRatio {
  private ValidationCostRatio() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    var options =
        new OptionsBuilder()
            .parent(new CommandLineOptions(args))
            .include(SubmissionValidationBenchmark.class.getName() + "\\.")
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Result<?> validate = score(results, "validateSubmission");
    Result<?> parse = score(results, "parseBodyWithJackson");
    double ratio = validate.getScore() / parse.getScore();
    double low =
        (validate.getScore() - validate.getScoreError())
            / (parse.getScore() + parse.getScoreError());
    double high =
        (validate.getScore() + validate.getScoreError())
            / (parse.getScore() - parse.getScoreError());
    System.out.printf(
        Locale.ROOT,
        "%nvalidation %.1f ± %.1f %s, parse %.1f ± %.1f %s%n"
            + "validation / parse = %.2f (between %.2f and %.2f); target ≤ 1.00: %s%n",
        validate.getScore(),
        validate.getScoreError(),
        validate.getScoreUnit(),
        parse.getScore(),
        parse.getScoreError(),
        parse.getScoreUnit(),
        ratio,
        low,
        high,
        ratio <= 1.0 ? "met" : "missed");
  }

  private static Result<?> score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(result -> result.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + method))
        .getPrimaryResult();
  }
}
