package dev.sportello.benchmarks;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.submission.Submission;
import dev.sportello.domain.submission.SubmissionCheck;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Validation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * How the submission check's cost grows with the number of entries a caller sends: the published
 * family-status values plus {@code entries} unknown keys and as many unknown extras, each of which
 * is reported. Linear growth shows as a constant time per entry across the sizes; the REST edge
 * caps both counts, but embedders call the check directly.
 */
public class SubmissionSizeBenchmark extends Microbenchmark {
  @Param({"1000", "4000", "16000", "64000"})
  public int entries;

  private final Certificate certificate = SeedCertificates.familyStatus();
  private final ValuePolicy policy = ValuePolicy.defaults();
  private Map<String, String> values = SeedCertificates.familyStatusValues();
  private List<String> extras = List.empty();

  @Setup
  public void addUnknownEntries() {
    List<Integer> indices = List.range(0, entries);
    values = values.merge(indices.toMap(i -> "unknown_" + i, i -> "x"));
    extras = indices.map(i -> "extra_" + i);
    if (check().getError().size() != 2 * entries) {
      throw new IllegalStateException("every unknown key and extra should be reported");
    }
  }

  @Benchmark
  public Validation<List<Violation>, Submission> check() {
    return SubmissionCheck.check(certificate, values, extras, policy);
  }
}
