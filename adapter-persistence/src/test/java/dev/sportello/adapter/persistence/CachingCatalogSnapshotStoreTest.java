package dev.sportello.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.CachedCertificate;
import dev.sportello.application.port.out.CatalogSnapshot;
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.testing.InMemoryCatalogSnapshotStore;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.CertificateId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The copy of the catalogue kept in memory in front of the database. */
class CachingCatalogSnapshotStoreTest {
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

  /** The database, counted, and failing on demand. */
  private static final class Rows implements CatalogSnapshotStore {
    final InMemoryCatalogSnapshotStore kept = new InMemoryCatalogSnapshotStore();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean();

    private <T> Either<StorageFailure, T> unlessDown(Either<StorageFailure, T> answer) {
      return down.get() ? Either.left(new StorageFailure.Unavailable("down")) : answer;
    }

    @Override
    public Either<StorageFailure, Option<CatalogSnapshot>> loadListing() {
      reads.incrementAndGet();
      return unlessDown(kept.loadListing());
    }

    @Override
    public Either<StorageFailure, CatalogSnapshot> saveListing(CatalogSnapshot snapshot) {
      return unlessDown(kept.saveListing(snapshot));
    }

    @Override
    public Either<StorageFailure, Option<CachedCertificate>> loadCertificate(CertificateId id) {
      reads.incrementAndGet();
      return unlessDown(kept.loadCertificate(id));
    }

    @Override
    public Either<StorageFailure, CachedCertificate> saveCertificate(CachedCertificate copy) {
      return unlessDown(kept.saveCertificate(copy));
    }
  }

  private final Rows rows = new Rows();
  private final AtomicLong nanos = new AtomicLong();
  private final CachingCatalogSnapshotStore store =
      new CachingCatalogSnapshotStore(rows, nanos::get);

  private static CachedCertificate copy(int n) {
    return new CachedCertificate(TestData.certificate("Certificato " + n, "Anagrafe", false), T0);
  }

  @Test
  void aCopyReadFromTheDatabaseIsThenServedFromMemory() {
    CachedCertificate copy = copy(1);
    rows.kept.saveCertificate(copy);

    Option<CachedCertificate> first = store.loadCertificate(copy.certificate().id()).get();
    Option<CachedCertificate> second = store.loadCertificate(copy.certificate().id()).get();

    assertThat(first).contains(copy);
    assertThat(second).contains(copy);
    assertThat(rows.reads).hasValue(1);
  }

  @Test
  void aCopyAndAListingSavedWhileTheDatabaseIsDownAreStillServed() {
    CachedCertificate copy = copy(1);
    CatalogSnapshot listing = new CatalogSnapshot(List.empty(), T0);
    rows.down.set(true);

    assertThat(store.saveCertificate(copy).isLeft()).isTrue();
    assertThat(store.saveListing(listing).isLeft()).isTrue();
    assertThat(store.loadCertificate(copy.certificate().id()).get()).contains(copy);
    assertThat(store.loadListing().get()).contains(listing);
  }

  @Test
  void aCopyIsReadAgainFromTheDatabaseOnceItsTimeInMemoryIsOver() {
    CatalogSnapshot listing = new CatalogSnapshot(List.empty(), T0);
    store.saveListing(listing);
    CatalogSnapshot newer = new CatalogSnapshot(List.empty(), T0.plusSeconds(60));
    rows.kept.saveListing(newer);

    assertThat(store.loadListing().get()).contains(listing);
    nanos.addAndGet(CachingCatalogSnapshotStore.IN_MEMORY.plus(Duration.ofSeconds(1)).toNanos());
    assertThat(store.loadListing().get()).contains(newer);
  }

  @Test
  void memoryHoldsABoundedNumberOfCertificates() {
    int saved = (int) CachingCatalogSnapshotStore.MAX_CERTIFICATES + 500;
    for (int n = 0; n < saved; n++) {
      store.saveCertificate(copy(n));
    }

    for (int n = 0; n < saved; n++) {
      store.loadCertificate(copy(n).certificate().id());
    }

    assertThat(rows.reads.get()).isGreaterThanOrEqualTo(500);
  }
}
