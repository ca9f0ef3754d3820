package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.RegisterEndpointCommand;
import dev.sportello.application.testing.InMemoryWebhookStore;
import dev.sportello.application.testing.RecordingWebhookSender;
import dev.sportello.application.testing.SequentialWebhookSecrets;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.webhook.WebhookEvent;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A caller's endpoint hears of every status its request enters, and of its document (in no promised
 * order: receivers order by the events' times).
 */
class WebhookFlowTest {
  private static final Certificate PLAIN = TestData.certificate();

  private final InMemoryWebhookStore store = new InMemoryWebhookStore();
  private final TestApplication app = TestApplication.builder().webhooks(store).build();
  private final RecordingWebhookSender sender = new RecordingWebhookSender();
  private final WebhookUseCases webhooks =
      WebhookUseCases.create(
          store, sender, new SequentialWebhookSecrets(), app.clock(), WebhookSettings.defaults());

  @Test
  void everyStatusFromAcceptanceToFulfilmentAndTheDocumentReachTheEndpoint() {
    right(
        webhooks
            .endpoints()
            .register(new RegisterEndpointCommand("alice", "https://alice.example/in")));
    app.visengine().register(PLAIN);
    CertificateRequest request =
        right(app.useCases().submitRequest().submit(TestData.order(PLAIN, "alice", "k1", "x")));
    app.visengine().advance(app.visengine().requestIds().single(), RequestStatus.FULFILLED);
    app.clock().advance(Duration.ofMinutes(1));
    right(app.useCases().synchronise().synchronise());

    right(webhooks.deliverDue().deliverDue());

    List<WebhookEvent> events = sender.sent().map(sent -> sent.message().event());
    assertThat(events).allSatisfy(event -> assertThat(event.requestId()).isEqualTo(request.id()));
    assertThat(
            events
                .filter(WebhookEvent.StatusChanged.class::isInstance)
                .map(WebhookEvent.StatusChanged.class::cast)
                .map(changed -> changed.from().map(Enum::name).getOrElse("-") + ">" + changed.to()))
        .containsExactlyInAnyOrder(
            "-" + ">ACCEPTED", "ACCEPTED>PROCESSING", "PROCESSING>FULFILLED");
    CertificateRequest stored = right(app.repository().find(request.id())).get().value();
    assertThat(events.filter(WebhookEvent.DocumentReady.class::isInstance))
        .containsExactly(
            new WebhookEvent.DocumentReady(
                request.id(),
                "alice",
                RequestStatus.FULFILLED,
                stored.document().get(),
                stored.updatedAt()));
    assertThat(sender.sent().map(sent -> sent.message().id()).distinct()).hasSize(events.size());
    assertThat(Option.of(stored.status())).contains(RequestStatus.FULFILLED);
  }
}
