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
import io.vavr.Tuple2;
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

  /**
   * The certificate, from the freshest copy available. A certificate of an engine that is not
   * enabled here is not in the catalogue, even where a copy of it was kept.
   */
  Either<UseCaseError, Certificate> certificate(CertificateId id) {
    Instant now = clock.instant();
    Option<CachedCertificate> cached =
        store
            .loadCertificate(id)
            .getOrElse(Option.none())
            .filter(copy -> engines.isEnabled(copy.certificate().engine()));
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
   * listing tells; an id none of them knows is asked of each engine in turn until one describes it.
   * An engine that cannot answer now does not stop the others from being asked; its failure is the
   * answer when none knows the certificate.
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
    Option<RemoteFailure> transientFailure = Option.none();
    RemoteFailure refusal =
        new RemoteFailure.NotFound("no certificate " + id + " in the catalogue");
    for (Tuple2<Engine, CountedRemote> engine : engines.each()) {
      if (known.exists(only -> !only.equals(engine._1))) {
        continue;
      }
      Either<RemoteFailure, Certificate> described = engine._2.describe(id);
      if (described.isRight()) {
        return described;
      }
      if (isTransient(described.getLeft())) {
        transientFailure = transientFailure.orElse(Option.some(described.getLeft()));
      } else {
        refusal = described.getLeft();
      }
    }
    return Either.left(transientFailure.getOrElse(refusal));
  }

  /**
   * The enabled engines' entries: a fresh copy, or each engine's own answer. An engine that cannot
   * answer now is served from its part of the stale copy, or left out while another engine answers;
   * a listing with any engine left out or stale is served but not kept as fresh.
   */
  private Either<UseCaseError, List<CatalogEntry>> listing() {
    Instant now = clock.instant();
    Option<CatalogSnapshot> cached = store.loadListing().getOrElse(Option.none());
    if (cached.exists(copy -> isFresh(copy.fetchedAt(), now))) {
      return Either.right(
          cached.get().entries().filter(entry -> engines.isEnabled(entry.engine())));
    }
    List<Tuple2<Engine, Either<RemoteFailure, List<CatalogEntry>>>> fetched =
        engines.each().map(engine -> engine.map2(CountedRemote::listCertificates));
    if (fetched.forAll(answer -> answer._2.isRight())) {
      CatalogSnapshot fresh = new CatalogSnapshot(fetched.flatMap(answer -> answer._2.get()), now);
      store.saveListing(fresh);
      return Either.right(fresh.entries());
    }
    List<Either<RemoteFailure, List<CatalogEntry>>> served =
        fetched.map(answer ->
            answer._2.isRight() || cached.isEmpty()
                ? answer._2
                : staleEntries(cached.get(), answer._1).toEither(answer._2.getLeft()));
    return served.exists(Either::isRight)
        ? Either.right(served.filter(Either::isRight).flatMap(Either::get))
        : Either.left(Failures.of(served.head().getLeft()));
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
