package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {
  private static final Certificate COMPANY = TestData.certificate();
  private static final Certificate RESIDENCE =
      TestData.certificate("Certificato di Residenza", "Anagrafe", false);
  private static final Certificate FAMILY =
      TestData.certificate("Stato di famiglia", "Anagrafe", false);

  private final TestApplication app =
      TestApplication.builder().catalogTtl(Duration.ofHours(1)).build();

  CatalogServiceTest() {
    app.visengine().register(COMPANY).register(RESIDENCE).register(FAMILY);
  }

  private long calls(RemoteCallKind kind) {
    return app.useCases().remoteCalls().get(kind).getOrElse(0L);
  }

  @Test
  void aDescriptionWithinTheTtlCostsNoSecondCall() {
    right(app.useCases().describeCertificate().describe(COMPANY.id()));
    app.clock().advance(Duration.ofMinutes(59));
    right(app.useCases().describeCertificate().describe(COMPANY.id()));

    assertThat(calls(RemoteCallKind.DESCRIBE)).isEqualTo(1);
  }

  @Test
  void aStaleDescriptionIsServedWhenUpstreamCannotRefreshIt() {
    right(app.useCases().describeCertificate().describe(COMPANY.id()));
    app.clock().advance(Duration.ofHours(2));
    app.visengine()
        .failUntilRestored(RemoteCallKind.DESCRIBE, new RemoteFailure.Unavailable("down"));

    var described = right(app.useCases().describeCertificate().describe(COMPANY.id()));

    assertThat(described.certificate()).isEqualTo(COMPANY);
    assertThat(calls(RemoteCallKind.DESCRIBE)).isEqualTo(2);
  }

  @Test
  void aStaleListingIsServedWhenUpstreamCannotRefreshIt() {
    right(app.useCases().browseCatalog().browse(BrowseCatalogQuery.everything()));
    app.clock().advance(Duration.ofHours(2));
    app.visengine()
        .failUntilRestored(RemoteCallKind.CATALOGUE, new RemoteFailure.Unavailable("down"));

    assertThat(right(app.useCases().browseCatalog().browse(BrowseCatalogQuery.everything())))
        .hasSize(3);
  }

  @Test
  void browsingFiltersByCategoryAndByNameIgnoringCaseAndAccents() {
    var anagrafe =
        right(
            app.useCases()
                .browseCatalog()
                .browse(
                    new BrowseCatalogQuery(
                        Option.some(" anagrafe "), Option.none(), Option.none())));
    var residence =
        right(
            app.useCases()
                .browseCatalog()
                .browse(
                    new BrowseCatalogQuery(
                        Option.none(), Option.some("RESIDÈNZA"), Option.none())));

    assertThat(anagrafe.map(CatalogEntry::name))
        .containsExactly("Certificato di Residenza", "Stato di famiglia");
    assertThat(residence.map(CatalogEntry::id)).containsExactly(RESIDENCE.id());
    assertThat(calls(RemoteCallKind.CATALOGUE)).isEqualTo(1);
  }
}
