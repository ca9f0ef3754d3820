package dev.sportello.adapter.visengine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.adapter.openapi.testing.MintedTokens;
import dev.sportello.adapter.openapi.testing.StaleUntilRefused;
import dev.sportello.application.port.out.RemoteCatalog;
import dev.sportello.application.port.out.RemoteDocuments;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.testing.RemotePortContract;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application's remote-port contract, run against this adapter talking HTTP to the Visengine
 * sandbox on a loopback port, plus the faults the sandbox's control API injects: dropped answers,
 * 500s, answers slower than the read timeout.
 */
class SandboxContractTest extends RemotePortContract {
  /** Generous, so that a busy build machine does not turn ordinary calls into timeouts. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** The read timeout of the adapter that meets the slow answers. */
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(1);

  /** How long a slow answer takes: longer than the short read timeout. */
  private static final Duration SLOW = SHORT_READ_TIMEOUT.plusSeconds(1);

  /** A bound on the wait for the slow answers still being served, not the expected wait. */
  private static final Duration QUIET_WITHIN = SLOW.plusSeconds(10);

  private static final RetryPolicy THREE_QUICK_ATTEMPTS =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1));

  @SuppressWarnings("NullAway.Init") // set by startUpstream, before each test
  private VisengineSandbox sandbox;

  /** Minted with exactly the scopes the adapter says it needs: a call beyond them is refused. */
  @SuppressWarnings("NullAway.Init") // set by startUpstream, before each test
  private String token;

  @SuppressWarnings("NullAway.Init") // set by startUpstream, before each test
  private VisengineAdapter adapter;

  @Override
  protected void startUpstream() {
    sandbox =
        VisengineSandbox.start(
            SandboxSettings.defaults()
                .withPort(0)
                .withControlApi(true)
                .withAccounts(
                    new SandboxSettings.Account(MintedTokens.EMAIL, MintedTokens.API_KEY)));
    token = MintedTokens.mint(sandbox.baseUrl(), VisengineSettings.scopes(true));
    adapter = adapterWithReadTimeout(READ_TIMEOUT);
  }

  @AfterEach
  void stopUpstream() {
    sandbox.close();
  }

  @Override
  protected RemoteRequests requests() {
    return adapter;
  }

  @Override
  protected RemoteDocuments documents() {
    return adapter;
  }

  @Override
  protected RemoteCatalog catalog() {
    return adapter;
  }

  /** The ordinary company report (no search phase), by REA number and chamber of commerce. */
  @Override
  protected RemoteOrder validOrder() {
    return new RemoteOrder(
        new CertificateId("eccbc87e4b5ce2fe28308fd9f2a7baf3"),
        TreeMap.of(new FieldKey("$0"), "1378273", new FieldKey("$1"), "RM"),
        List.empty(),
        Option.none(),
        Option.none());
  }

  @Override
  protected void moveForward(UpstreamId id, RequestStatus status) {
    for (int step = 0; step < 20; step++) {
      if (adapter.fetch(id).map(request -> request.status() == status).getOrElse(false)) {
        return;
      }
      sandbox.advance(SandboxSettings.DEFAULT_STEP_DELAY);
    }
    throw new AssertionError("the sandbox did not move " + id + " to " + status);
  }

  @Override
  protected int charges(UpstreamId id) {
    return sandbox.chargesFor(id.value()).calls();
  }

  @Test
  void aCloseWhoseAnswerIsDroppedOnceIsRepeatedAndChargedOnce() throws Exception {
    UpstreamId id = draft();
    armFault("PUT /richiesta/{id}", "drop", 1, "");

    assertThat(adapter.close(id).getLeft()).isInstanceOf(RemoteFailure.AlreadyClosed.class);
    assertThat(charges(id)).isEqualTo(1);
    assertThat(adapter.fetch(id).get().closed()).isTrue();
  }

  @Test
  void aCloseWhoseEveryAnswerIsDroppedHasAnUnknownOutcomeThatALaterCloseResolves()
      throws Exception {
    UpstreamId id = draft();
    armFault("PUT /richiesta/{id}", "drop", THREE_QUICK_ATTEMPTS.maxAttempts(), "");

    assertThat(adapter.close(id).getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);

    assertThat(adapter.close(id).getLeft()).isInstanceOf(RemoteFailure.AlreadyClosed.class);
    assertThat(adapter.fetch(id).get().closed()).isTrue();
    assertThat(charges(id)).isEqualTo(1);
  }

  @Test
  void aDraftWhoseAnswerIsDroppedHasAnUnknownOutcomeAndIsNotRepeated() throws Exception {
    int before = adapter.listAll().get().size();
    armFault("POST /richiesta", "drop", 1, "");

    assertThat(adapter.createDraft(validOrder()).getLeft())
        .isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(adapter.listAll().get()).as("one draft made upstream").hasSize(before + 1);
  }

  @Test
  void aListThatFailsWith500OnEveryAttemptIsUnavailable() throws Exception {
    armFault("GET /richiesta", "fail", THREE_QUICK_ATTEMPTS.maxAttempts(), ",\"status\":500");

    assertThat(adapter.listAll().getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
  }

  @Test
  void aListThatFailsWith500OnceIsRetriedAndAnswers() throws Exception {
    UpstreamId id = draft();
    armFault("GET /richiesta", "fail", 1, ",\"status\":500");

    assertThat(adapter.listAll().get()).anyMatch(summary -> summary.upstreamId().equals(id));
  }

  @Test
  void aReadSlowerThanTheReadTimeoutOnEveryAttemptIsUnavailable() throws Exception {
    UpstreamId id = draft();
    armFault("GET /richiesta/{id}", "delay", THREE_QUICK_ATTEMPTS.maxAttempts(), slow());

    assertThat(impatient().fetch(id).getLeft()).isInstanceOf(RemoteFailure.Unavailable.class);
  }

  /** Only the first call is slow: had the adapter repeated it, the repeat would have answered. */
  @Test
  void aSearchSlowerThanTheReadTimeoutHasAnUnknownOutcomeAndIsNotRepeated() throws Exception {
    UpstreamId id = draft();
    armFault("POST /richiesta/{id}", "delay", 1, slow());

    RemoteFailure failure =
        impatient().addSearch(id, TreeMap.of(new FieldKey("$0"), "1378273")).getLeft();

    assertThat(failure).isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(failure.message()).contains("read timeout");
  }

  @Test
  void aCloseSlowerThanTheReadTimeoutIsRepeatedAndChargedOnce() throws Exception {
    UpstreamId id = draft();
    armFault("PUT /richiesta/{id}", "delay", 1, slow());

    Either<RemoteFailure, RemoteRequest> closed = impatient().close(id);

    // The repeat either closes the draft itself or finds that the slow close already did.
    assertThat(
            closed.fold(
                failure -> failure instanceof RemoteFailure.AlreadyClosed, RemoteRequest::closed))
        .as("%s", closed)
        .isTrue();
    assertThat(sandbox.awaitQuiet(QUIET_WITHIN)).as("the slow close has been served").isTrue();
    assertThat(charges(id)).as("charges once the slow close has finished").isEqualTo(1);
  }

  @Test
  void aCloseWhoseTokenIsRefusedOnceIsMadeWithTheReplacementAndChargedOnce() {
    UpstreamId id = draft();
    StaleUntilRefused source = new StaleUntilRefused(token);
    VisengineAdapter replacing =
        VisengineAdapter.create(
            VisengineSettings.of(sandbox.baseUrl(), source).withRetry(THREE_QUICK_ATTEMPTS));

    assertThat(replacing.close(id).get().closed()).isTrue();
    assertThat(source.refusals()).isEqualTo(1);
    assertThat(charges(id)).isEqualTo(1);
  }

  private UpstreamId draft() {
    return adapter.createDraft(validOrder()).get().upstreamId();
  }

  private VisengineAdapter impatient() {
    return adapterWithReadTimeout(SHORT_READ_TIMEOUT);
  }

  private VisengineAdapter adapterWithReadTimeout(Duration readTimeout) {
    return VisengineAdapter.create(
        VisengineSettings.of(sandbox.baseUrl(), token)
            .withTimeouts(Duration.ofSeconds(2), readTimeout)
            .withRetry(THREE_QUICK_ATTEMPTS));
  }

  private static String slow() {
    return ",\"millis\":" + SLOW.toMillis();
  }

  /** Arms a fault through the sandbox's control API. */
  private void armFault(String route, String type, int times, String detail)
      throws IOException, InterruptedException {
    String fault =
        """
        {"route":"%s","type":"%s","times":%d%s}\
        """
            .formatted(route, type, times, detail);
    HttpResponse<String> armed;
    try (HttpClient control = HttpClient.newHttpClient()) {
      armed =
          control.send(
              HttpRequest.newBuilder(sandbox.baseUrl().resolve("/_sandbox/faults"))
                  .header("Authorization", "Bearer " + sandbox.token())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(fault))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    if (armed.statusCode() != 200) {
      throw new IOException("the sandbox refused the fault " + fault + ": " + armed.body());
    }
  }
}
