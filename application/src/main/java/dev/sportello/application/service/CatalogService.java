package dev.sportello.application.service;

import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.in.BrowseCatalogUseCase;
import dev.sportello.application.port.in.CertificateDescription;
import dev.sportello.application.port.in.DescribeCertificateUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.CachedCertificate;
import dev.sportello.application.port.out.CatalogSnapshot;
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
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
 * The catalogue of every enabled engine, merged and cached: in the snapshot store (which may keep a
 * bounded copy in memory), then upstream. A copy younger than the TTL costs no call; when an
 * engine's refresh fails, its entries of the stale copy are served.
 */
final class CatalogService implements BrowseCatalogUseCase, DescribeCertificateUseCase {
  private final Engines engines;
  private final CatalogSnapshotStore store;
  private final Clock clock;
  private final Duration ttl;

  CatalogService(Engines engines, CatalogSnapshotStore store, Clock clock, Duration ttl) {
    this.engines = engines;
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public Either<UseCaseError, List<CatalogEntry>> browse(BrowseCatalogQuery query) {
    return listing()
        .map(entries ->
            entries
                .filter(entry -> query.engine().forAll(entry.engine()::equals))
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
    Either<RemoteFailure, Certificate> fetched = describeUpstream(id, cached);
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

  /**
   * Asks the engine that publishes the certificate, as the cached copy, the only engine or the
   * listing tells; an id none of them knows is asked of each engine in turn until one knows it.
   */
  private Either<RemoteFailure, Certificate> describeUpstream(
      CertificateId id, Option<CachedCertificate> cached) {
    Option<Engine> known =
        cached
            .map(copy -> copy.certificate().engine())
            .orElse(() -> engines.enabled().singleOption())
            .orElse(() ->
                listing()
                    .toOption()
                    .flatMap(entries -> entries.find(entry -> entry.id().equals(id)))
                    .map(CatalogEntry::engine));
    List<Engine> asked = known.map(List::of).getOrElse(engines::enabled);
    Either<RemoteFailure, Certificate> answer =
        Either.left(new RemoteFailure.NotFound("no certificate " + id + " in the catalogue"));
    for (Engine engine : asked) {
      var remote = engines.of(engine);
      if (remote.isLeft()) {
        return Either.left(new RemoteFailure.Unavailable(remote.getLeft().message()));
      }
      Either<RemoteFailure, Certificate> described = remote.get().describe(id);
      if (described.isRight() || isTransient(described.getLeft())) {
        return described;
      }
      answer = described;
    }
    return answer;
  }

  private Either<UseCaseError, List<CatalogEntry>> listing() {
    Instant now = clock.instant();
    Option<CatalogSnapshot> cached = store.loadListing().getOrElse(Option.none());
    if (cached.exists(copy -> isFresh(copy.fetchedAt(), now))) {
      return Either.right(cached.get().entries());
    }
    List<Engine> enabled = engines.enabled();
    List<Either<RemoteFailure, List<CatalogEntry>>> fetched = enabled.map(this::listingOf);
    if (fetched.forAll(Either::isRight)) {
      CatalogSnapshot fresh = new CatalogSnapshot(fetched.flatMap(Either::get), now);
      store.saveListing(fresh);
      return Either.right(fresh.entries());
    }
    // An engine that cannot answer now is served from the stale copy; one never listed fails it.
    List<Either<RemoteFailure, List<CatalogEntry>>> served =
        enabled
            .zip(fetched)
            .map(answer ->
                answer._2.isRight() || cached.isEmpty()
                    ? answer._2
                    : staleEntries(cached.get(), answer._1).toEither(answer._2.getLeft()));
    return served.forAll(Either::isRight)
        ? Either.right(served.flatMap(Either::get))
        : Either.left(Failures.of(served.find(Either::isLeft).get().getLeft()));
  }

  private Either<RemoteFailure, List<CatalogEntry>> listingOf(Engine engine) {
    return engines
        .of(engine)
        .fold(
            disabled -> Either.left(new RemoteFailure.Unavailable(disabled.message())),
            CountedRemote::listCertificates);
  }

  private static Option<List<CatalogEntry>> staleEntries(CatalogSnapshot stale, Engine engine) {
    List<CatalogEntry> entries = stale.entries().filter(entry -> entry.engine().equals(engine));
    return entries.isEmpty() ? Option.none() : Option.some(entries);
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
