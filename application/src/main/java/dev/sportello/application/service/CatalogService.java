package dev.sportello.application.service;

import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.in.BrowseCatalogUseCase;
import dev.sportello.application.port.in.CertificateDescription;
import dev.sportello.application.port.in.DescribeCertificateUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.CachedCertificate;
import dev.sportello.application.port.out.CatalogSnapshot;
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.RemoteCatalog;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.submission.Quote;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The catalogue, cached: in the snapshot store (which may keep a bounded copy in memory), then
 * upstream. A copy younger than the TTL costs no call; when a refresh fails, the stale copy is
 * served.
 */
final class CatalogService implements BrowseCatalogUseCase, DescribeCertificateUseCase {
  private final RemoteCatalog remote;
  private final CatalogSnapshotStore store;
  private final Clock clock;
  private final Duration ttl;

  CatalogService(RemoteCatalog remote, CatalogSnapshotStore store, Clock clock, Duration ttl) {
    this.remote = remote;
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public Either<UseCaseError, List<CatalogEntry>> browse(BrowseCatalogQuery query) {
    return listing()
        .map(entries ->
            entries
                .filter(entry ->
                    query
                        .category()
                        .forAll(category -> entry.category().equalsIgnoreCase(category.strip())))
                .filter(entry ->
                    query
                        .nameContains()
                        .forAll(text -> folded(entry.name()).contains(folded(text.strip()))))
                .sortBy(CatalogEntry::name));
  }

  @Override
  public Either<UseCaseError, CertificateDescription> describe(CertificateId id) {
    return certificate(id).map(CatalogService::description);
  }

  /** The certificate, from the freshest copy available. */
  Either<UseCaseError, Certificate> certificate(CertificateId id) {
    Instant now = clock.instant();
    Option<CachedCertificate> cached = store.loadCertificate(id).getOrElse(Option.none());
    if (cached.exists(copy -> isFresh(copy.fetchedAt(), now))) {
      return Either.right(cached.get().certificate());
    }
    Either<RemoteFailure, Certificate> fetched = remote.describe(id);
    if (fetched.isRight()) {
      CachedCertificate fresh = new CachedCertificate(fetched.get(), now);
      store.saveCertificate(fresh);
      return Either.right(fresh.certificate());
    }
    if (cached.isDefined() && isTransient(fetched.getLeft())) {
      return Either.right(cached.get().certificate());
    }
    return Either.left(
        switch (fetched.getLeft()) {
          case RemoteFailure.Rejected rejected ->
              new UseCaseError.NotFound("no certificate " + id + " in the catalogue");
          case RemoteFailure failure -> Failures.of(failure);
        });
  }

  private Either<UseCaseError, List<CatalogEntry>> listing() {
    Instant now = clock.instant();
    Option<CatalogSnapshot> cached = store.loadListing().getOrElse(Option.none());
    if (cached.exists(copy -> isFresh(copy.fetchedAt(), now))) {
      return Either.right(cached.get().entries());
    }
    Either<RemoteFailure, List<CatalogEntry>> fetched = remote.listCertificates();
    if (fetched.isRight()) {
      CatalogSnapshot fresh = new CatalogSnapshot(fetched.get(), now);
      store.saveListing(fresh);
      return Either.right(fresh.entries());
    }
    if (cached.isDefined()) {
      return Either.right(cached.get().entries());
    }
    return Either.left(Failures.of(fetched.getLeft()));
  }

  private boolean isFresh(Instant fetchedAt, Instant now) {
    return !fetchedAt.plus(ttl).isBefore(now);
  }

  /**
   * A stale copy stands in only while upstream cannot answer; an answer that the certificate is
   * gone wins.
   */
  private static boolean isTransient(RemoteFailure failure) {
    return !(failure instanceof RemoteFailure.Rejected
        || failure instanceof RemoteFailure.NotFound);
  }

  private static CertificateDescription description(Certificate certificate) {
    List<Set<FieldKey>> alternatives =
        certificate
            .schema()
            .requirement()
            .map(rule -> rule.missing(TreeSet.empty()))
            .getOrElse(List.empty());
    Set<FieldKey> always =
        alternatives.isEmpty()
            ? TreeSet.empty()
            : alternatives.tail().foldLeft(alternatives.head(), Set::intersect);
    return new CertificateDescription(
        certificate,
        certificate
            .schema()
            .fields()
            .map(field -> new CertificateDescription.Field(field, always.contains(field.key()))),
        alternatives,
        Quote.of(certificate, List.empty()));
  }

  private static String folded(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }
}
