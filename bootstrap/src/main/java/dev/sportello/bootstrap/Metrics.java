package dev.sportello.bootstrap;

import dev.sportello.adapter.micrometer.MicrometerAdapter;
import dev.sportello.adapter.micrometer.MicrometerSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The service's metrics in a Prometheus registry: upstream calls by engine, kind and outcome,
 * request status changes, sync cycles, HTTP requests served, and the JVM. Told of calls and changes
 * through the application's outbound ports and of HTTP requests by the REST adapter, which serves
 * {@link #scrape()} at {@code /metrics}. What the ports and the REST adapter report is recorded by
 * the {@link MicrometerAdapter} over the same registry, which they are given directly ({@link
 * #recorded()}); the service's own work is recorded here.
 */
final class Metrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /**
   * Upstream calls, request events and HTTP requests, recorded as an embedding application would.
   */
  private final MicrometerAdapter recorded =
      MicrometerAdapter.create(MicrometerSettings.of(registry));

  /**
   * Records upstream calls and request events (given to the application's ports) and HTTP requests
   * (given to the REST adapter as its {@code HttpObserver}) in this registry.
   */
  MicrometerAdapter recorded() {
    return recorded;
  }

  private final AtomicBoolean jvmBound = new AtomicBoolean();

  /**
   * Adds the JVM's memory, threads, GC, CPU and uptime on the first scrape: reaching them through
   * JMX costs a few hundred milliseconds, which a start should not pay.
   */
  private void bindJvmMetrics() {
    if (!jvmBound.compareAndSet(false, true)) {
      return;
    }
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  /**
   * Follows the account's wallet as {@code sportello_wallet_balance_euros}: the balance last read,
   * asked for on every scrape (which reads nothing itself), NaN until one has been read.
   */
  void followWallet(Supplier<Option<BigDecimal>> balance) {
    Gauge.builder(
            "sportello.wallet.balance",
            () -> balance.get().map(euros -> (Number) euros).getOrElse(Double.NaN))
        .description("The Openapi account's prepaid balance when last read")
        .baseUnit("euros")
        .register(registry);
  }

  /** Times one sync cycle; outcome is {@code ok} or {@code failed}. */
  void syncCycle(Duration duration, String outcome) {
    Timer.builder("sportello.sync.cycle")
        .description("Sync cycles, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .record(duration);
  }

  /**
   * Counts one purge of personal data past its retention; outcome is {@code ok} or {@code failed}.
   */
  void purge(String outcome) {
    Counter.builder("sportello.retention.purges")
        .description("Purges of personal data past its retention, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /**
   * Counts requests and documents sealed again with the current data key, and the steps that did
   * it; outcome is {@code ok} or {@code failed}.
   */
  void resealed(int requests, int documents, String outcome) {
    Counter.builder("sportello.data.resealed.steps")
        .description("Steps of sealing stored data with the current data key, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    Counter.builder("sportello.data.resealed")
        .description("Requests and documents sealed again with the current data key, by kind")
        .tag("kind", "requests")
        .register(registry)
        .increment(requests);
    Counter.builder("sportello.data.resealed")
        .description("Requests and documents sealed again with the current data key, by kind")
        .tag("kind", "documents")
        .register(registry)
        .increment(documents);
  }

  /** The Prometheus text format. */
  String scrape() {
    bindJvmMetrics();
    return registry.scrape();
  }

  @Override
  public void close() {
    if (jvmBound.get()) {
      gc.close();
    }
    registry.close();
  }
}
