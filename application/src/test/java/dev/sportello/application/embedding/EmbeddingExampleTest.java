package dev.sportello.application.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.application.testing.CountingCallObserver;
import dev.sportello.application.testing.FakeVisengine;
import dev.sportello.application.testing.InMemoryCatalogSnapshotStore;
import dev.sportello.application.testing.InMemoryDocumentStore;
import dev.sportello.application.testing.InMemoryIdempotencyStore;
import dev.sportello.application.testing.InMemoryRequestRepository;
import dev.sportello.application.testing.InMemorySpendingLedger;
import dev.sportello.application.testing.RecordingRequestEvents;
import dev.sportello.application.testing.SequentialRequestIds;
import dev.sportello.application.testing.SingleInstanceSyncLock;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.shared.Money;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding" section, verbatim, as a test: if it stops compiling or working, the
 * build says so.
 */
class EmbeddingExampleTest {

  @Test
  void aTeamWiresTheUseCasesToInMemoryFakesAndOrdersACertificate() {
    // README: embedding example start
    Clock clock = Clock.systemUTC();
    FakeVisengine visengine = new FakeVisengine(clock); // or the Visengine HTTP adapter
    visengine.register(companyReport());

    UseCases useCases =
        UseCases.create(
            new ApplicationPorts(
                List.of(Upstream.of(TestData.ENGINE, visengine)), // each engine's three ports
                new InMemoryRequestRepository(),
                new InMemoryIdempotencyStore(clock),
                new InMemorySpendingLedger(),
                new InMemoryCatalogSnapshotStore(),
                new InMemoryDocumentStore(),
                new RecordingRequestEvents(),
                new CountingCallObserver(),
                new SingleInstanceSyncLock(),
                new SequentialRequestIds(),
                clock),
            ApplicationSettings.defaults("a secret of at least thirty-two characters"));

    Either<?, CertificateRequest> ordered =
        useCases
            .submitRequest()
            .submit(
                new SubmitRequestCommand(
                    "acme-payroll", // the caller
                    "order-2026-0001", // the caller's idempotency key
                    new SubmissionInput(
                        "eccbc87e4b5ce2fe28308fd9f2a7baf3",
                        HashMap.of("$0", "1234567", "$1", "RM"),
                        List.empty(),
                        Option.some("employee-42"),
                        Option.none())));
    // README: embedding example end

    assertThat(ordered.isRight()).as("ordered: %s", ordered).isTrue();
    assertThat(ordered.get().status()).isNotIn(RequestStatus.ACCEPTED, RequestStatus.REJECTED);
    assertThat(visengine.totalCharges()).isEqualTo(1);
  }

  private static Certificate companyReport() {
    return new Certificate(
        new CertificateId("eccbc87e4b5ce2fe28308fd9f2a7baf3"),
        TestData.ENGINE,
        "Visura Camerale Ordinaria - società di Capitale",
        "Camerali",
        Money.ofCents(490),
        Money.ZERO,
        false,
        false,
        List.empty(),
        FieldSchema.read(
            List.of(
                new FieldDeclaration(
                    "$0", "NRea", new FieldType.Denomination(), "denominazione", false, 0, ""),
                new FieldDeclaration(
                    "$1", "Cciaa", new FieldType.Denomination(), "denominazione", false, 1, "")),
            "$0 && $1  "),
        "",
        "");
  }
}
