package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.RetrieveDocumentUseCase;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.domain.request.CertificateRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ListingsTest {
  private final TestApplication app = TestApplication.create();
  private final Orders orders = new Orders(app);
  private final AtomicInteger retrieved = new AtomicInteger();
  private final RetrieveDocumentUseCase counted =
      query -> {
        retrieved.incrementAndGet();
        return app.useCases().retrieveDocument().retrieve(query);
      };
  private final Listings listings = new Listings(counted);

  @Test
  void aDocumentIsUnpackedOnceHoweverOftenItIsShown() {
    CertificateRequest request =
        orders.fulfil(
            orders.place(Browser.ALICE, Orders.PLAIN), Map.of("certificato.pdf", "%PDF-1.7"));

    Archives.Listing first = listings.of(request, Browser.ALICE).get();
    Archives.Listing again = listings.of(request, Browser.ALICE).get();

    assertThat(again).isEqualTo(first);
    assertThat(retrieved).hasValue(1);
  }

  @Test
  void aRequestWithoutADocumentHasNoListingAndReadsNothing() {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);

    assertThat(listings.of(request, Browser.ALICE)).isEmpty();
    assertThat(retrieved).hasValue(0);
  }
}
