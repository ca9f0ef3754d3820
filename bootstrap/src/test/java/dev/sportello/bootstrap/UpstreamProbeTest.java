package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCatalog;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpstreamProbeTest {
  private static final Engine VISENGINE = new Engine("visengine");
  private static final Engine DOCUENGINE = new Engine("docuengine");
  private static final RemoteFailure UNREACHABLE = new RemoteFailure.Unavailable("refused");

  private final HandClock clock = new HandClock(Instant.parse("2026-12-06T10:00:00Z"));
  private final UpstreamHealth health = new UpstreamHealth(List.of(VISENGINE, DOCUENGINE), clock);

  /** A catalogue that counts the lists it was asked for and answers as it is told. */
  private static final class CountingCatalog implements RemoteCatalog {
    final AtomicInteger lists = new AtomicInteger();
    volatile Either<RemoteFailure, List<CatalogEntry>> answer = Either.left(UNREACHABLE);
    volatile CountDownLatch release = new CountDownLatch(0);

    @Override
    public Either<RemoteFailure, List<CatalogEntry>> listCertificates() {
      lists.incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      return answer;
    }

    @Override
    public Either<RemoteFailure, Certificate> describe(CertificateId id) {
      throw new AssertionError("a probe only lists the catalogue");
    }
  }

  private static Upstream upstream(Engine engine, RemoteCatalog catalog) {
    RemoteRequests noRequests =
        (RemoteRequests)
            Proxy.newProxyInstance(
                RemoteRequests.class.getClassLoader(),
                new Class<?>[] {RemoteRequests.class},
                (proxy, method, arguments) -> {
                  throw new AssertionError("a probe makes no request");
                });
    return new Upstream(
        engine,
        catalog,
        noRequests,
        (id, target) -> {
          throw new AssertionError("a probe downloads nothing");
        });
  }

  private final CountingCatalog visengine = new CountingCatalog();
  private final CountingCatalog docuengine = new CountingCatalog();
  private final UpstreamProbe probe =
      new UpstreamProbe(
          List.of(upstream(VISENGINE, visengine), upstream(DOCUENGINE, docuengine)),
          health,
          health,
          clock);

  @Test
  void anEngineIsProbedOnceAnIntervalHoweverOftenReadinessIsAsked() {
    for (int i = 0; i < 5; i++) {
      probe.probeAndAwait(Duration.ofSeconds(10));
    }
    int withinTheInterval = visengine.lists.get();
    clock.advance(UpstreamProbe.INTERVAL);
    probe.probeAndAwait(Duration.ofSeconds(10));

    assertThat(withinTheInterval).isEqualTo(1);
    assertThat(visengine.lists.get()).isEqualTo(2);
  }

  @Test
  void onlyTheEnginesNotKnownToWorkAreProbed() {
    health.called(VISENGINE, RemoteCallKind.LIST, Option.none(), Duration.ZERO);

    probe.probeAndAwait(Duration.ofSeconds(10));

    assertThat(visengine.lists.get()).isZero();
    assertThat(docuengine.lists.get()).isEqualTo(1);
  }

  @Test
  void aDownEngineThatAnswersAProbeIsUpWithoutAClientsCall() {
    health.called(VISENGINE, RemoteCallKind.CLOSE, Option.some(UNREACHABLE), Duration.ZERO);
    health.called(DOCUENGINE, RemoteCallKind.LIST, Option.none(), Duration.ZERO);
    visengine.answer = Either.right(List.empty());

    probe.probeAndAwait(Duration.ofSeconds(10));

    assertThat(health.healthy()).isTrue();
  }

  @Test
  void waitingForAProbeEndsAtItsBoundAndAHangingEngineIsNotProbedAgainMeanwhile()
      throws InterruptedException {
    CountDownLatch hanging = new CountDownLatch(1);
    visengine.release = hanging;
    long start = System.nanoTime();

    probe.probeAndAwait(Duration.ofMillis(200));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    clock.advance(UpstreamProbe.INTERVAL.multipliedBy(3));
    probe.probeAndAwait(Duration.ofMillis(200));
    int whileHanging = visengine.lists.get();
    hanging.countDown();

    assertThat(waited).isLessThan(Duration.ofSeconds(5));
    assertThat(whileHanging).isEqualTo(1);
  }
}
