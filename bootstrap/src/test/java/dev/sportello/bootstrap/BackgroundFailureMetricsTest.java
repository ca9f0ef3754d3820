package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.BackgroundFailure.Cause;
import dev.sportello.application.port.out.BackgroundFailure.Work;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class BackgroundFailureMetricsTest {
  @Test
  void backgroundWorkLeftForTheNextCycleIsCountedByWorkAndCause() {
    try (Metrics metrics = new Metrics()) {
      BackgroundFailure failure =
          new BackgroundFailure(
              Work.DISPATCH, Option.some(new RequestId("req-1")), Cause.STORAGE, "disk full");

      metrics.recorded().backgroundFailed(failure);
      metrics.recorded().backgroundFailed(failure);

      assertThat(metrics.scrape())
          .contains("sportello_background_failures_total{cause=\"storage\",work=\"dispatch\"} 2.0");
    }
  }
}
