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
import java.util.LinkedHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What checking a family-status submission costs next to what reading its JSON body costs: the
 * check must not cost more than the parse it follows. Both run in the same JVM forks, one after the
 * other, so their ratio is fair even when absolute times on a shared machine are not.
 *
 * <p>The submission is the published form with its defects (eight fields, the repeated {@code $6}
 * read as {@code $7}): per-type checks with normalisation, the codice fiscale's check character,
 * its agreement with name, surname and birth date, the requirement rule, and one priced extra.
 */
public class SubmissionValidationBenchmark extends Microbenchmark {
  private static final TypeReference<java.util.Map<String, Object>> JSON_OBJECT =
      new TypeReference<>() {};

  private final Certificate certificate = SeedCertificates.familyStatus();
  private final Map<String, String> values = SeedCertificates.familyStatusValues();
  private final List<String> extras = List.of("opzione_0");
  private final ValuePolicy policy = ValuePolicy.defaults();
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final byte[] body = body(mapper, values, extras);

  /** A refused submission would measure the shorter error path. */
  @Setup
  public void checkTheSubmissionIsValid() {
    if (validateSubmission().isInvalid()) {
      throw new IllegalStateException("the seed submission should be valid");
    }
  }

  /** The body a client sends to {@code POST /api/v1/requests}, with the same values. */
  private static byte[] body(JsonMapper mapper, Map<String, String> values, List<String> extras) {
    var request = new LinkedHashMap<String, Object>();
    request.put("certificateId", SeedCertificates.FAMILY_STATUS_ID);
    request.put("values", values.toJavaMap());
    request.put("extras", extras.toJavaList());
    request.put("reference", "pratica-2024-0042");
    return mapper.writeValueAsBytes(request);
  }

  @Benchmark
  public Validation<List<Violation>, Submission> validateSubmission() {
    return SubmissionCheck.check(certificate, values, extras, policy);
  }

  @Benchmark
  public java.util.Map<String, Object> parseBodyWithJackson() {
    return mapper.readValue(body, JSON_OBJECT);
  }
}
