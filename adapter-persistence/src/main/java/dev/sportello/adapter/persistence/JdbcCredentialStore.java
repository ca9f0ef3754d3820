package dev.sportello.adapter.persistence;

import dev.sportello.adapter.persistence.Json.CredentialJson;
import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredCredential;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Credentials in {@code credentials}, one row per name. The whole credential is sealed with the
 * data keys, for its name, in one column, and sealed again after a key rotation ({@link
 * #sealAgain}); a credential is replaced under its name's lock ({@link CredentialLocks}). Failures
 * name the credential only, never what it holds.
 */
final class JdbcCredentialStore implements CredentialStore {
  private static final SealedColumn PAYLOADS =
      new SealedColumn("credentials", "name", "payload", "credential:", "credential");

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

  /** Seals again with the current key every credential an older key sealed. */
  Either<StorageFailure, SealedColumn.SealedAgain> sealAgain() {
    return PAYLOADS.sealAgain(database, text);
  }

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
    return PAYLOADS.place(name);
  }
}
