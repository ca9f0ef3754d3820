package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A submission and a sync cycle dispatching the same request at once: the one that records the
 * close attempt first sends the close, the other sends none.
 */
class ConcurrentDispatchTest {
  private static final Certificate CERTIFICATE = TestData.certificate();

  private static boolean isFirstCloseAttempt(CertificateRequest request) {
    return request.state().dispatch() instanceof Dispatch.Drafted drafted
        && drafted.closeAttempts() == 1;
  }

  @Test
  void aSyncCycleThatClaimsTheCloseFirstLeavesTheSubmissionNothingToSend() {
    AtomicBoolean syncRanFirst = new AtomicBoolean();
    TestApplication app =
        InterceptedRepository.otherWriterFirst(
            ConcurrentDispatchTest::isFirstCloseAttempt,
            // The submission is about to record its close attempt: a sync cycle dispatches the
            // same request first.
            (same, request) -> {
              syncRanFirst.set(true);
              right(same.useCases().synchronise().synchronise());
            });
    app.visengine().register(CERTIFICATE);

    CertificateRequest answered =
        right(
            app.useCases()
                .submitRequest()
                .submit(TestData.order(CERTIFICATE, "alice", "key-1", "Mario Rossi")));

    assertThat(syncRanFirst).isTrue();
    assertThat(app.useCases().remoteCalls().get(RemoteCallKind.CLOSE)).contains(1L);
    assertThat(app.visengine().totalCharges()).isEqualTo(1);
    assertThat(answered.awaitsDispatch()).isFalse();
  }
}
