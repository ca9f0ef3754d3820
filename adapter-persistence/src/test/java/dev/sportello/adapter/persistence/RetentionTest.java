package dev.sportello.adapter.persistence;

import static dev.sportello.adapter.persistence.Fixtures.T0;
import static dev.sportello.adapter.persistence.Fixtures.accepted;
import static dev.sportello.adapter.persistence.Fixtures.closedAs;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapstruct.factory.Mappers;

/** What erasing personal data leaves in memory. */
class RetentionTest {
  @TempDir Path dataDir;

  private final Clock clock = Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC);
  private final LiveKeys keys = LiveKeys.fixed(DataKeys.generate());
  private final RequestRows rows = new RequestRows(Mappers.getMapper(JsonMapping.class), keys);
  private final RecentRequests recent = new RecentRequests(rows, 8, Duration.ofMinutes(1), clock);
  private HikariDataSource pool = new HikariDataSource();

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void aRequestReadAsItWasWhileItsErasureRanIsNotKeptOnceTheErasureCommits() {
    PersistenceSettings settings = PersistenceSettings.embedded(dataDir);
    pool = PersistenceAdapter.pool(settings);
    PersistenceAdapter.schema(Flyway.configure().dataSource(pool), Dialect.SQLITE).load().migrate();
    Jdbi jdbi = Jdbi.create(pool);
    Database database = new Database(jdbi, Dialect.SQLITE);
    JdbcRequestRepository requests = new JdbcRequestRepository(database, rows, recent);
    CertificateRequest first = closedAs(accepted("erased-1"), 1, RequestStatus.FULFILLED, T0);
    right(requests.insert(first));
    right(requests.insert(closedAs(accepted("erased-2"), 2, RequestStatus.FULFILLED, T0)));
    AtomicInteger erasures = new AtomicInteger();
    AtomicInteger readsDuringTheErasure = new AtomicInteger();
    // Once the first request is erased, and before the erasure commits, a read on another
    // connection finds that request as it was before and keeps it.
    jdbi.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logBeforeExecution(StatementContext context) {
            if (context.getRawSql().startsWith("UPDATE request SET reference = NULL")
                && erasures.incrementAndGet() == 2) {
              // Another thread: this one's reads would join the erasure's transaction.
              var before = CompletableFuture.supplyAsync(() -> requests.find(first.id())).join();
              assertThat(right(before).get().value().submission().values()).isNotEmpty();
              readsDuringTheErasure.incrementAndGet();
            }
          }
        });
    Retention retention =
        new Retention(
            database,
            rows,
            new FileDocumentStore(settings.documentsDirectory(), keys),
            recent,
            clock);

    assertThat(right(retention.purge(T0.plus(Duration.ofDays(1)))).requests()).isEqualTo(2);

    assertThat(readsDuringTheErasure).hasValue(1);
    assertThat(recent.size()).isZero();
  }
}
