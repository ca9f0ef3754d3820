package dev.sportello.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReusedStatementsTest {
  private static final String REUSED = "SELECT name FROM person WHERE id = :id";

  @TempDir Path directory;
  private HikariDataSource pool;
  private Jdbi jdbi;
  private final List<Statement> used = new ArrayList<>();

  @BeforeEach
  void open() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + directory.resolve("people.db"));
    config.setMaximumPoolSize(1);
    pool = new HikariDataSource(config);
    jdbi = Jdbi.create(pool);
    jdbi.setStatementBuilderFactory(new ReusedStatements(sql -> sql.startsWith("SELECT name")));
    jdbi.useHandle(handle -> {
      handle.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
      handle.execute("INSERT INTO person (id, name) VALUES (1, 'Mario'), (2, 'Anna')");
    });
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private String name(Handle handle, String sql, int id) {
    return handle
        .createQuery(sql)
        .bind("id", id)
        .map((rs, context) -> {
          used.add(context.getStatement());
          return rs.getString("name");
        })
        .one();
  }

  private String nameOf(int id) {
    return jdbi.withHandle(handle -> name(handle, REUSED, id));
  }

  @Test
  void aStatementTheFactoryReusesIsPreparedOnceForEveryUseOnItsConnection() {
    assertThat(nameOf(1)).isEqualTo("Mario");
    assertThat(nameOf(2)).isEqualTo("Anna");
    assertThat(nameOf(1)).isEqualTo("Mario");

    assertThat(used)
        .hasSize(3)
        .allSatisfy(statement -> assertThat(statement).isSameAs(used.get(0)));
  }

  @Test
  void anyOtherStatementIsPreparedForEachUseAndClosedAfter() throws Exception {
    String other = "SELECT id, name FROM person WHERE id = :id";
    jdbi.useHandle(handle -> name(handle, other, 1));
    jdbi.useHandle(handle -> name(handle, other, 2));

    assertThat(used.get(0)).isNotSameAs(used.get(1));
    assertThat(used.get(0).isClosed()).isTrue();
  }

  @Test
  void aStatementStillInUseIsNotHandedOutAgain() {
    List<String> names =
        jdbi.<List<String>, RuntimeException>withHandle(handle ->
            handle
                .createQuery(REUSED)
                .bind("id", 1)
                .map((rs, context) -> rs.getString("name") + " " + name(handle, REUSED, 2))
                .list());

    assertThat(names).containsExactly("Mario Anna");
    assertThat(nameOf(2)).isEqualTo("Anna");
  }
}
