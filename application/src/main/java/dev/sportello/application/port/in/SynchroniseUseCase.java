package dev.sportello.application.port.in;

import dev.sportello.application.port.in.SynchroniseUseCase.SyncReport;
import dev.sportello.domain.request.RequestId;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * One sync cycle: sends accepted requests that are not closed upstream, lists upstream's requests
 * once, re-reads only those that changed, and fetches each available document once.
 */
public interface SynchroniseUseCase {

  /**
   * Runs one cycle, or does nothing when another instance holds the sync lock.
   *
   * @return what the cycle did, or why it could not run
   */
  Either<UseCaseError, SyncReport> synchronise();

  /**
   * What a cycle did.
   *
   * @param dispatched requests closed upstream in this cycle
   * @param changed requests whose stored state changed
   * @param documentsStored requests whose document was fetched and stored
   * @param remoteCalls the upstream calls made, by kind name
   */
  record SyncReport(
      List<RequestId> dispatched,
      List<RequestId> changed,
      List<RequestId> documentsStored,
      Map<String, Integer> remoteCalls) {
    /** Checks that every component is given. */
    public SyncReport {
      Objects.requireNonNull(dispatched, "dispatched");
      Objects.requireNonNull(changed, "changed");
      Objects.requireNonNull(documentsStored, "documentsStored");
      Objects.requireNonNull(remoteCalls, "remoteCalls");
    }
  }
}
