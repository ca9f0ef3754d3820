package dev.sportello.bootstrap;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.domain.catalog.Engine;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks each engine that {@link UpstreamHealth} does not know to work for its catalogue, a call that
 * costs nothing, and tells the observers the outcome as of any call: at start, before the first
 * client's call, and while the engine fails, so that readiness recovers without waiting for a
 * client (whom a load balancer keeps away while the service is not ready). An engine is asked at
 * most once per interval, and not while its last probe still waits for an answer.
 */
final class UpstreamProbe {
  /** The least time between two probes of one engine. */
  static final Duration INTERVAL = Duration.ofSeconds(15);

  private final List<Upstream> upstreams;
  private final UpstreamHealth health;
  private final RemoteCallObserver observer;
  private final Clock clock;
  private final Map<Engine, Instant> probedAt = new HashMap<>();

  /** Each engine's last probe, done or still waiting for an answer. */
  private final Map<Engine, CompletableFuture<Void>> lastProbe = new HashMap<>();

  UpstreamProbe(
      List<Upstream> upstreams, UpstreamHealth health, RemoteCallObserver observer, Clock clock) {
    this.upstreams = upstreams;
    this.health = health;
    this.observer = observer;
    this.clock = clock;
  }

  /**
   * Starts the probes of what is due and returns at once: readiness reads their answers when they
   * come. A failure of a probe is an answer like any other, which the observers were told of.
   */
  void probeInBackground() {
    var unused = probeWhatIsNotWorking();
  }

  /**
   * Probes, each on a thread of its own, the engines that are not known to work, were not probed
   * within the interval and have no probe waiting; completes when the probes of the engines that
   * are not known to work answered.
   */
  private synchronized CompletableFuture<Void> probeWhatIsNotWorking() {
    Instant now = clock.instant();
    List<Engine> notWorking = health.notWorking();
    List<Upstream> due =
        upstreams.filter(upstream ->
            notWorking.contains(upstream.engine())
                && Option.of(lastProbe.get(upstream.engine())).forAll(CompletableFuture::isDone)
                && Option.of(probedAt.get(upstream.engine()))
                    .forAll(last -> !now.isBefore(last.plus(INTERVAL))));
    due.forEach(upstream -> {
      probedAt.put(upstream.engine(), now);
      CompletableFuture<Void> probe =
          CompletableFuture.runAsync(
              () -> probe(upstream),
              task -> Thread.ofVirtual().name("sportello-upstream-probe").start(task));
      lastProbe.put(upstream.engine(), probe);
    });
    CompletableFuture<?>[] waiting =
        notWorking
            .flatMap(engine -> Option.of(lastProbe.get(engine)))
            .toJavaList()
            .toArray(new CompletableFuture<?>[0]);
    return CompletableFuture.allOf(waiting);
  }

  /**
   * Probes as {@link #probeWhatIsNotWorking()} does and waits for the answers, at most the bound:
   * readiness tells of an engine that has not answered yet as such.
   */
  void probeAndAwait(Duration bound) {
    try {
      probeWhatIsNotWorking().get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException notYet) {
      // The probe goes on; its answer reaches readiness when it comes.
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void probe(Upstream upstream) {
    long start = System.nanoTime();
    Either<RemoteFailure, ?> listed = upstream.catalog().listCertificates();
    observer.called(
        upstream.engine(),
        RemoteCallKind.CATALOGUE,
        listed.swap().toOption(),
        Duration.ofNanos(System.nanoTime() - start));
  }
}
