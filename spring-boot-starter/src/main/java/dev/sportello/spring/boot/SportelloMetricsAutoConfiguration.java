package dev.sportello.spring.boot;

import dev.sportello.adapter.micrometer.MicrometerAdapter;
import dev.sportello.adapter.micrometer.MicrometerSettings;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RequestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Status changes and upstream calls recorded in the application's {@link MeterRegistry}, when it
 * has one (and the application has given neither of those ports a bean of its own).
 */
@AutoConfiguration(
    before = SportelloAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure"
          + ".CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple"
          + ".SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass({MeterRegistry.class, MicrometerAdapter.class})
public final class SportelloMetricsAutoConfiguration {
  /** Created by Spring. */
  public SportelloMetricsAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnMissingBean({RequestEvents.class, RemoteCallObserver.class})
  MicrometerAdapter sportelloMicrometer(MeterRegistry registry) {
    return MicrometerAdapter.create(MicrometerSettings.of(registry));
  }
}
