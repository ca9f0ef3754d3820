package dev.sportello.adapter.persistence;

import dev.sportello.adapter.persistence.Json.CatalogEntryJson;
import dev.sportello.adapter.persistence.Json.CertificateJson;
import dev.sportello.application.port.out.CachedCertificate;
import dev.sportello.application.port.out.CatalogSnapshot;
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.shared.Money;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * The catalogue cache: the listing in a single row, each certificate description in its own. A form
 * is kept as declared (fields and rule text) and read again through {@link FieldSchema#read}, so
 * its warnings come back exactly as they were. Rows written before fields were kept by kind are
 * read too (see {@link StoredFields}), and so are those written before each entry and certificate
 * named its engine.
 */
final class JdbcCatalogSnapshotStore implements CatalogSnapshotStore {
  /** The engine of everything cached before engines were named: the only one there was. */
  private static final Engine BEFORE_ENGINES = new Engine("visengine");

  private final Database database;
  private final JsonMapping json;

  JdbcCatalogSnapshotStore(Database database, JsonMapping json) {
    this.database = database;
    this.json = json;
  }

  @Override
  public Either<StorageFailure, Option<CatalogSnapshot>> loadListing() {
    return database
        .withHandle(
            "load the catalogue listing",
            handle ->
                Either.right(
                    handle
                        .createQuery(
                            "SELECT entries_json, fetched_at FROM catalogue_listing WHERE id = 1")
                        .map((rs, ctx) ->
                            new Cached(
                                RequestRow.required(rs, "entries_json"),
                                Database.requiredInstant(rs, ctx, "fetched_at")))
                        .findFirst()))
        .flatMap(found -> sequence(found, this::listing));
  }

  @Override
  public Either<StorageFailure, CatalogSnapshot> saveListing(CatalogSnapshot snapshot) {
    String entries = Json.write(json.catalogEntries(snapshot.entries()));
    Instant at = Database.stored(snapshot.fetchedAt());
    return database
        .upsert(
            "save the catalogue listing",
            new Database.KeyedRow(
                "catalogue_listing", "id", 1, "entries_json", entries, "fetched_at", at))
        .flatMap(saved -> listing(new Cached(entries, at)));
  }

  @Override
  public Either<StorageFailure, Option<CachedCertificate>> loadCertificate(CertificateId id) {
    return database
        .withHandle(
            "load certificate " + id,
            handle ->
                Either.right(
                    handle
                        .createQuery(
                            "SELECT certificate_json, fetched_at FROM catalogue_certificate"
                                + " WHERE certificate_id = :id")
                        .bind("id", id.value())
                        .map((rs, ctx) ->
                            new Cached(
                                RequestRow.required(rs, "certificate_json"),
                                Database.requiredInstant(rs, ctx, "fetched_at")))
                        .findFirst()))
        .flatMap(found -> sequence(found, this::certificate));
  }

  @Override
  public Either<StorageFailure, CachedCertificate> saveCertificate(CachedCertificate certificate) {
    String body = Json.write(json.certificate(certificate.certificate()));
    Instant at = Database.stored(certificate.fetchedAt());
    String id = certificate.certificate().id().value();
    return database
        .upsert(
            "save certificate " + id,
            new Database.KeyedRow(
                "catalogue_certificate",
                "certificate_id",
                id,
                "certificate_json",
                body,
                "fetched_at",
                at))
        .flatMap(saved -> certificate(new Cached(body, at)));
  }

  private Either<StorageFailure, CatalogSnapshot> listing(Cached cached) {
    return readable(
        "the stored catalogue listing",
        () ->
            new CatalogSnapshot(
                List.ofAll(Json.read(cached.json(), Json.ENTRIES))
                    .map(JdbcCatalogSnapshotStore::entry),
                cached.fetchedAt()));
  }

  private Either<StorageFailure, CachedCertificate> certificate(Cached cached) {
    return readable(
        "a stored certificate",
        () ->
            new CachedCertificate(
                certificate(Json.read(cached.json(), CertificateJson.class)), cached.fetchedAt()));
  }

  private static CatalogEntry entry(CatalogEntryJson entry) {
    return new CatalogEntry(
        new CertificateId(entry.id()), engine(entry.engine()), entry.name(), entry.category());
  }

  private static Certificate certificate(CertificateJson stored) {
    return new Certificate(
        new CertificateId(stored.id()),
        engine(stored.engine()),
        stored.name(),
        stored.category(),
        Money.ofCents(stored.documentPrice()),
        Money.ofCents(stored.searchPrice()),
        stored.hasSearchPhase(),
        stored.synchronous(),
        List.ofAll(stored.extras())
            .map(e -> new Extra(e.key(), e.kind(), Money.ofCents(e.priceCents()))),
        FieldSchema.read(StoredFields.declarations(stored.published()), stored.ruleText()),
        stored.instructions(),
        stored.searchInstructions());
  }

  private static Engine engine(@Nullable String stored) {
    return stored == null ? BEFORE_ENGINES : RequestRows.engine(stored);
  }

  private static <T> Either<StorageFailure, T> readable(
      String what, java.util.function.Supplier<T> read) {
    try {
      return Either.right(read.get());
    } catch (JacksonException unreadable) {
      return Either.left(new StorageFailure.Unavailable(what + " cannot be read: malformed JSON"));
    } catch (RuntimeException refused) {
      return Either.left(
          new StorageFailure.Unavailable(what + " cannot be read: " + refused.getMessage()));
    }
  }

  private static <T> Either<StorageFailure, Option<T>> sequence(
      Optional<Cached> found, java.util.function.Function<Cached, Either<StorageFailure, T>> read) {
    return found.isPresent()
        ? read.apply(found.get()).map(Option::some)
        : Either.right(Option.none());
  }

  private record Cached(String json, Instant fetchedAt) {}
}
