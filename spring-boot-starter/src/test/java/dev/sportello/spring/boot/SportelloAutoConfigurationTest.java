package dev.sportello.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.micrometer.MicrometerAdapter;
import dev.sportello.adapter.persistence.EmbeddedPostgresServer;
import dev.sportello.adapter.persistence.PersistenceAdapter;
import dev.sportello.adapter.visengine.VisengineAdapter;
import dev.sportello.application.port.in.SubmitRequestUseCase;
import dev.sportello.application.port.in.SynchroniseUseCase;
import dev.sportello.application.port.in.SynchroniseUseCase.SyncReport;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.application.port.out.RequestIds;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.application.testing.FakeVisengine;
import dev.sportello.domain.request.RequestId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SportelloAutoConfigurationTest {
  private static final String SECRET = "a-notification-secret-of-32-characters-at-least";

  @TempDir Path directory;

  private ApplicationContextRunner application() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SportelloAutoConfiguration.class))
        .withBean(DataSource.class, EmbeddedPostgresServer::newDataSource)
        .withPropertyValues(
            "sportello.visengine.url=http://127.0.0.1:9",
            "sportello.visengine.token=a-token",
            "sportello.notification-secret=" + SECRET,
            "sportello.persistence.documents-directory=" + directory.resolve("documents"),
            "sportello.sync.enabled=false");
  }

  @Test
  void theEnginesTheStoreAndTheUseCasesAreBuiltFromTheProperties() {
    application()
        .withPropertyValues("sportello.public-url=https://shop.example/")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(UseCases.class);
          assertThat(context).hasSingleBean(SubmitRequestUseCase.class);
          assertThat(context).hasSingleBean(PersistenceAdapter.class);
          assertThat(context).hasBean(SportelloAutoConfiguration.VISENGINE);
          assertThat(context).doesNotHaveBean(SportelloAutoConfiguration.DOCUENGINE);
          ApplicationPorts ports = context.getBean(ApplicationPorts.class);
          assertThat(ports.upstreams().map(upstream -> upstream.engine().name()))
              .containsExactly("visengine");
          assertThat(ports.requests())
              .isSameAs(context.getBean(PersistenceAdapter.class).requests());
          assertThat(context.getBean(ApplicationSettings.class).webhookBaseUrl())
              .contains("https://shop.example/webhooks/sportello");
        });
  }

  @Test
  void withoutMicrometerStatusChangesAndUpstreamCallsAreLogged() {
    application()
        .run(context -> {
          assertThat(context.getBean(RequestEvents.class)).isInstanceOf(LoggedRequestEvents.class);
          assertThat(context.getBean(RemoteCallObserver.class))
              .isInstanceOf(LoggedRemoteCalls.class);
        });
  }

  @Test
  void withAMeterRegistryStatusChangesAndUpstreamCallsAreRecordedThere() {
    application()
        .withConfiguration(AutoConfigurations.of(SportelloMetricsAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> {
          MicrometerAdapter recording = context.getBean(MicrometerAdapter.class);
          assertThat(context.getBean(ApplicationPorts.class).events()).isSameAs(recording);
          assertThat(context.getBean(ApplicationPorts.class).callObserver()).isSameAs(recording);
        });
  }

  @Test
  void anApplicationsOwnBeanReplacesTheStartersAndIsWiredIn() {
    RequestIds sequential = () -> new RequestId("own-1");

    application()
        .withBean(RequestIds.class, () -> sequential)
        .run(context -> {
          assertThat(context.getBean(RequestIds.class)).isSameAs(sequential);
          assertThat(context.getBean(ApplicationPorts.class).ids()).isSameAs(sequential);
        });
  }

  @Test
  void anUpstreamBeanNamedAfterAnEngineReplacesIt() {
    Upstream fake = Upstream.of(VisengineAdapter.ENGINE, new FakeVisengine(Clock.systemUTC()));

    application()
        .withBean(SportelloAutoConfiguration.VISENGINE, Upstream.class, () -> fake)
        .run(context ->
            assertThat(context.getBean(ApplicationPorts.class).upstreams()).containsExactly(fake));
  }

  @Test
  void aMissingNotificationSecretStopsTheStartNamingTheProperty() {
    application()
        .withPropertyValues("sportello.notification-secret=")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context)
              .getFailure()
              .rootCause()
              .hasMessageContaining("sportello.notification-secret");
        });
  }

  @Test
  void aMissingDocumentsDirectoryStopsTheStartNamingTheProperty() {
    application()
        .withPropertyValues("sportello.persistence.documents-directory=")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context)
              .getFailure()
              .rootCause()
              .hasMessageContaining("sportello.persistence.documents-directory");
        });
  }

  @Test
  void withoutAnyEngineTokenTheStartSaysWhichPropertiesEnableOne() {
    application()
        .withPropertyValues("sportello.visengine.token=")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context)
              .getFailure()
              .rootCause()
              .hasMessageContaining("sportello.visengine.token");
        });
  }

  @Test
  void theSchedulerRunsTheSyncCycleEveryInterval() {
    CountDownLatch cycles = new CountDownLatch(3);
    SynchroniseUseCase counting =
        () -> {
          cycles.countDown();
          return Either.<UseCaseError, SyncReport>left(
              new UseCaseError.UpstreamUnavailable("counted"));
        };

    application()
        .withBean(SynchroniseUseCase.class, () -> counting)
        .withPropertyValues("sportello.sync.enabled=true", "sportello.sync.interval=20ms")
        .run(context -> {
          assertThat(context).hasSingleBean(SyncScheduler.class);
          assertThat(cycles.await(10, TimeUnit.SECONDS)).isTrue();
        });
  }

  @Test
  void theSchedulerCanBeSwitchedOff() {
    application()
        .withPropertyValues("sportello.sync.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(SyncScheduler.class));
  }

  @Test
  void thePropertiesDescriptionsReadAsPlainTextWithoutJavadocMarkup() throws IOException {
    String metadata;
    try (InputStream generated =
        Objects.requireNonNull(
            getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"))) {
      metadata = new String(generated.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(metadata).contains("sportello.notification-secret").doesNotContain("{@");
  }

  @Test
  void anEnginesTokenIsLeftOutOfItsDescription() {
    assertThat(new SportelloProperties.Engine("test", "a-secret-token").toString())
        .contains("test")
        .doesNotContain("a-secret-token");
  }
}
