package dev.sportello.application.testing;

import static dev.sportello.application.testing.TestData.certificate;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.CachedCertificate;
import dev.sportello.application.port.out.CatalogSnapshot;
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Engine;
import io.vavr.collection.List;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CatalogSnapshotStore} must do; an implementation's test extends this. */
public abstract class CatalogSnapshotStoreContract {
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
  private static final Certificate CERTIFICATE = certificate();
  private static final Engine DOCUENGINE = new Engine("docuengine");

  private CatalogSnapshotStore store;

  /** A new, empty store for each test. */
  protected abstract CatalogSnapshotStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void anEmptyStoreHasNothing() {
    assertThat(right(store.loadListing())).isEmpty();
    assertThat(right(store.loadCertificate(CERTIFICATE.id()))).isEmpty();
  }

  @Test
  void theLatestListingIsKept() {
    right(store.saveListing(new CatalogSnapshot(List.empty(), T0)));
    CatalogSnapshot later = new CatalogSnapshot(List.of(entry(CERTIFICATE)), T0.plusSeconds(60));
    right(store.saveListing(later));

    assertThat(right(store.loadListing())).contains(later);
  }

  @Test
  void certificatesAreKeptByIdLatestFirst() {
    Certificate other = certificate("Certificato di residenza", "Anagrafe", false);
    right(store.saveCertificate(new CachedCertificate(CERTIFICATE, T0)));
    CachedCertificate later = new CachedCertificate(CERTIFICATE, T0.plusSeconds(60));
    right(store.saveCertificate(later));

    assertThat(right(store.loadCertificate(CERTIFICATE.id()))).contains(later);
    assertThat(right(store.loadCertificate(other.id()))).isEmpty();
  }

  @Test
  void entriesAndCertificatesKeepTheirEngine() {
    Certificate docu =
        certificate("Certificato di Stato di Famiglia - con bollo", "Anagrafe", false, DOCUENGINE);
    right(store.saveListing(new CatalogSnapshot(List.of(entry(CERTIFICATE), entry(docu)), T0)));
    right(store.saveCertificate(new CachedCertificate(docu, T0)));
    right(store.saveCertificate(new CachedCertificate(CERTIFICATE, T0)));

    assertThat(right(store.loadListing()).get().entries().map(CatalogEntry::engine))
        .containsExactly(TestData.ENGINE, DOCUENGINE);
    assertThat(right(store.loadCertificate(docu.id())).get().certificate().engine())
        .isEqualTo(DOCUENGINE);
    assertThat(right(store.loadCertificate(CERTIFICATE.id())).get().certificate().engine())
        .isEqualTo(TestData.ENGINE);
  }

  private static CatalogEntry entry(Certificate certificate) {
    return new CatalogEntry(
        certificate.id(), certificate.engine(), certificate.name(), certificate.category());
  }
}
