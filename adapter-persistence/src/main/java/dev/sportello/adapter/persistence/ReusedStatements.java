package dev.sportello.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConnection;

/**
 * Prepared statements kept per SQLite connection and used again, for the SQL that {@code reused}
 * accepts. SQLite's driver compiles a statement and copies out its column names each time one is
 * prepared, which costs a read of one request about as much as running it, and allocates more;
 * PostgreSQL's driver keeps its own prepared statements.
 *
 * <p>A statement is kept on the driver's connection under the pool's, so that the pool does not
 * close it when the connection is given back, and is closed with that connection. It is taken out
 * while in use and put back when done, so that a statement is never run twice at once; a statement
 * asked for while its kept one is in use is prepared anew.
 */
final class ReusedStatements implements StatementBuilderFactory {
  private final Predicate<String> reused;
  private final Map<Connection, Map<String, PreparedStatement>> kept = new ConcurrentHashMap<>();

  ReusedStatements(Predicate<String> reused) {
    this.reused = reused;
  }

  @Override
  public StatementBuilder createStatementBuilder(Connection connection) {
    return new Builder();
  }

  private final class Builder extends DefaultStatementBuilder {
    /** The statements handed out to be kept again, each with the SQL it was prepared from. */
    private final Map<Statement, String> inUse = new ConcurrentHashMap<>();

    @Override
    public PreparedStatement create(Connection pooled, String sql, StatementContext context)
        throws SQLException {
      if (!reused.test(sql)) {
        return super.create(pooled, sql, context);
      }
      SQLiteConnection connection = pooled.unwrap(SQLiteConnection.class);
      @Nullable PreparedStatement statement = statements(connection).remove(sql);
      if (statement == null || statement.isClosed()) {
        // A connection the pool retired closed its statements: let go of them.
        kept.keySet().removeIf(ReusedStatements::closed);
        statement = connection.prepareStatement(sql);
      }
      inUse.put(statement, sql);
      return statement;
    }

    /** Keeps a statement this builder prepared, by the SQL it was prepared from. */
    @Override
    public void close(Connection pooled, String rawSql, Statement statement) throws SQLException {
      @Nullable String sql = inUse.remove(statement);
      if (sql == null
          || !(statement instanceof PreparedStatement prepared)
          || prepared.isClosed()) {
        super.close(pooled, rawSql, statement);
        return;
      }
      prepared.clearParameters();
      @Nullable PreparedStatement displaced =
          statements(pooled.unwrap(SQLiteConnection.class)).put(sql, prepared);
      if (displaced != null) {
        displaced.close();
      }
    }
  }

  private Map<String, PreparedStatement> statements(SQLiteConnection connection) {
    return kept.computeIfAbsent(connection, unused -> new ConcurrentHashMap<>());
  }

  private static boolean closed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException unknown) {
      return true;
    }
  }
}
