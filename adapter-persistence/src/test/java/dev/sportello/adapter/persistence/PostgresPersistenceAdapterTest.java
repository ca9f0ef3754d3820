package dev.sportello.adapter.persistence;

import static dev.sportello.adapter.persistence.Fixtures.T0;
import static dev.sportello.adapter.persistence.Fixtures.accepted;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sportello.application.port.out.RequestFilter;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class PostgresPersistenceAdapterTest extends PersistenceAdapterTest {
  @Override
  PersistenceSettings newDatabase(Path directory) {
    return EmbeddedPostgresServer.newDatabase(directory);
  }

  /** PostgreSQL has no baseline script: an empty database is migrated version by version. */
  @Override
  int migrationsOfAnEmptyStore() {
    return 10;
  }

  @Test
  void aRequestAnotherInstanceChangedIsReadAsItChangedNeverAsReadBefore() {
    CertificateRequest request = accepted("shared-1");
    right(adapter.requests().insert(request));
    RequestFilter mine = RequestFilter.all("caller-a");
    assertThat(right(adapter.requests().findOwned(request.id(), "caller-a")).get().version())
        .isZero();
    assertThat(right(adapter.requests().list(mine, page(Option.none(), 10))).items())
        .containsExactly(request);

    try (PersistenceAdapter other =
        PersistenceAdapter.create(settings, Clock.fixed(T0, ZoneOffset.UTC)).get()) {
      CertificateRequest cancelled = request.cancel("changed my mind", T0.plusSeconds(1)).get();
      Stored<CertificateRequest> changed = right(other.requests().update(cancelled, 0));

      assertThat(right(adapter.requests().findOwned(request.id(), "caller-a"))).contains(changed);
      assertThat(right(adapter.requests().find(request.id()))).contains(changed);
      assertThat(right(adapter.requests().list(mine, page(Option.none(), 10))).items())
          .containsExactly(cancelled);
    }
  }

  /**
   * The spending ledger's check and the upserts rely on read committed: each statement sees what
   * other transactions committed before it. The server's own default must not change that.
   */
  @Test
  void theAdapterTransactionsAreReadCommittedWhateverTheServerDefault() {
    Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password())
        .useHandle(handle -> {
          String name = handle.createQuery("SELECT current_database()").mapTo(String.class).one();
          handle.execute(
              "ALTER DATABASE \"" + name + "\" SET default_transaction_isolation = 'serializable'");
        });
    try (HikariDataSource pool = PersistenceAdapter.pool(settings)) {
      Database database = new Database(Jdbi.create(pool), Dialect.POSTGRESQL);

      Either<StorageFailure, String> level =
          database.inTransaction(
              "read the isolation level",
              handle ->
                  Either.right(
                      handle.createQuery("SHOW transaction_isolation").mapTo(String.class).one()));

      assertThat(right(level)).isEqualTo("read committed");
    }
  }
}
