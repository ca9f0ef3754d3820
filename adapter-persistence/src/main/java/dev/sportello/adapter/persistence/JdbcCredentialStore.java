package dev.sportello.adapter.persistence;

import dev.sportello.adapter.persistence.Json.CredentialJson;
import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredCredential;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials in {@code credentials}, one row per name. The whole credential is sealed with the
 * data keys, for its name, in one column, and sealed again after a key rotation ({@link
 * #sealAgain}); a credential is replaced under its name's lock ({@link CredentialLocks}). Failures
 * name the credential only, never what it holds.
 */
final class JdbcCredentialStore implements CredentialStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCredentialStore.class);

  private final Database database;
  private final SealedText text;
  private final CredentialLocks locks;
  private final Clock clock;

  JdbcCredentialStore(Database database, LiveKeys keys, CredentialLocks locks, Clock clock) {
    this.database = database;
    this.text = new SealedText(keys);
    this.locks = locks;
    this.clock = clock;
  }

  @Override
  public Either<StorageFailure, Option<StoredCredential>> find(String name) {
    return database
        .withHandle(
            "read the credential " + name,
            handle ->
                Either.right(
                    handle
                        .createQuery("SELECT payload FROM credentials WHERE name = :name")
                        .bind("name", name)
                        .mapTo(String.class)
                        .findFirst()))
        .flatMap(found ->
            found.isPresent()
                ? credential(name, found.get()).map(Option::some)
                : Either.right(Option.none()));
  }

  @Override
  public Either<StorageFailure, StoredCredential> save(StoredCredential credential) {
    String name = credential.name();
    CredentialJson whole =
        new CredentialJson(
            credential.secret(),
            credential.label(),
            credential.scopes().toJavaList(),
            credential.expiresAt());
    return database
        .upsert(
            "save the credential " + name,
            new Database.KeyedRow(
                "credentials",
                "name",
                name,
                "payload",
                text.sealed(Json.write(whole), place(name)),
                "updated_at",
                Database.stored(clock.instant())))
        .map(saved -> credential);
  }

  @Override
  public <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work) {
    return locks.whileHolding(name, work);
  }

  /**
   * Seals again with the current key every credential an older key sealed. A row is written back
   * only if it still holds what was read, so a credential saved meanwhile keeps its save; one that
   * does not open is left as it is.
   *
   * @return how many credentials were sealed again, and how many were left as they are
   */
  Either<StorageFailure, SealedAgain> sealAgain() {
    Either<StorageFailure, java.util.List<Kept>> kept =
        database.withHandle(
            "read the credentials to seal again",
            handle ->
                Either.right(
                    handle
                        .createQuery("SELECT name, payload FROM credentials ORDER BY name")
                        .map((rs, ctx) ->
                            new Kept(
                                RequestRow.required(rs, "name"),
                                RequestRow.required(rs, "payload")))
                        .list()));
    if (kept.isLeft()) {
      return Either.left(kept.getLeft());
    }
    int sealed = 0;
    int left = 0;
    for (Kept row : kept.get()) {
      if (text.sealedWithCurrentKey(row.payload())) {
        continue;
      }
      Either<String, String> again =
          text.opened(row.payload(), place(row.name()))
              .map(plain -> text.sealed(plain, place(row.name())));
      if (again.isLeft()) {
        LOG.warn("the credential {} does not open: {}; left as it is", row.name(), again.getLeft());
        left++;
        continue;
      }
      Either<StorageFailure, Integer> written = writeOver(row, again.get());
      if (written.isLeft()) {
        return Either.left(written.getLeft());
      }
      sealed += written.get();
    }
    return Either.right(new SealedAgain(sealed, left));
  }

  /**
   * What {@link #sealAgain} did.
   *
   * @param sealed credentials sealed again
   * @param left credentials that do not open, left as they are
   */
  record SealedAgain(int sealed, int left) {}

  private Either<StorageFailure, Integer> writeOver(Kept row, String payload) {
    return database.withHandle(
        "seal the credential " + row.name() + " again",
        handle ->
            Either.right(
                handle
                    .createUpdate(
                        "UPDATE credentials SET payload = :payload"
                            + " WHERE name = :name AND payload = :read")
                    .bind("payload", payload)
                    .bind("name", row.name())
                    .bind("read", row.payload())
                    .execute()));
  }

  private record Kept(String name, String payload) {}

  private Either<StorageFailure, StoredCredential> credential(String name, String payload) {
    return text.opened(payload, place(name))
        .mapLeft(refusal ->
            (StorageFailure)
                new StorageFailure.Unavailable(
                    "the credential " + name + " does not open: " + refusal))
        .flatMap(plain -> {
          try {
            CredentialJson whole = Json.read(plain, CredentialJson.class);
            return Either.right(
                new StoredCredential(
                    name,
                    whole.secret(),
                    whole.label(),
                    List.ofAll(whole.scopes()),
                    whole.expiresAt()));
          } catch (RuntimeException unreadable) {
            // Jackson's and the record's refusals may quote what they read: named by class only.
            return Either.left(
                new StorageFailure.Unavailable(
                    "the credential "
                        + name
                        + " cannot be read ("
                        + unreadable.getClass().getSimpleName()
                        + ")"));
          }
        });
  }

  /** Binds a sealed credential to its name, apart from every request's column. */
  private static byte[] place(String name) {
    return ("credential:" + name).getBytes(StandardCharsets.UTF_8);
  }
}
