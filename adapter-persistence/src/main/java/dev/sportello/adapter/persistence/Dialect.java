package dev.sportello.adapter.persistence;

import io.vavr.control.Option;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The SQL dialects the adapter speaks, one per database, told apart by the JDBC URL, and the few
 * things the databases do differently: where their own migrations live, how a column sorts by code
 * point, and how an instant is stored.
 */
enum Dialect {
  POSTGRESQL("postgresql", "COLLATE \"C\""),
  /** Read only to import a data directory written before SQLite became the embedded store. */
  H2("h2", ""),
  /**
   * SQLite has no timestamp type: an instant is kept as fixed-width ISO-8601 text in UTC, to the
   * microsecond, so that text order is time order and every query that compares or sorts times
   * works unchanged.
   */
  SQLITE("sqlite", "") {
    @Override
    void bindInstant(PreparedStatement statement, int position, @Nullable Instant instant)
        throws SQLException {
      if (instant == null) {
        statement.setNull(position, Types.VARCHAR);
      } else {
        statement.setString(position, SORTABLE_UTC.format(Database.stored(instant)));
      }
    }

    @Override
    @Nullable Instant readInstant(ResultSet rs, int column) throws SQLException {
      @Nullable String value = rs.getString(column);
      return value == null ? null : sortableUtc(value);
    }
  };

  private static final DateTimeFormatter SORTABLE_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Where the fields of {@link #SORTABLE_UTC}'s form end, and the character after each. */
  private static final String SORTABLE_SEPARATORS = "--T::.Z";

  private static final int[] SORTABLE_ENDS = {4, 7, 10, 13, 16, 19, 26};

  private final String folder;
  private final String binaryCollation;

  Dialect(String folder, String binaryCollation) {
    this.folder = folder;
    this.binaryCollation = binaryCollation;
  }

  /**
   * An instant in {@link #SORTABLE_UTC}'s form, read field by field: with the general parser, the
   * three times of a request took longer to read than its other 26 columns. Text in any other
   * ISO-8601 form of an instant is read by {@link Instant#parse}, which also refuses what is not
   * one.
   */
  static Instant sortableUtc(String text) {
    if (text.length() != SORTABLE_ENDS[SORTABLE_ENDS.length - 1] + 1) {
      return Instant.parse(text);
    }
    int[] fields = new int[SORTABLE_ENDS.length];
    int start = 0;
    for (int i = 0; i < SORTABLE_ENDS.length; i++) {
      int end = SORTABLE_ENDS[i];
      if (text.charAt(end) != SORTABLE_SEPARATORS.charAt(i)) {
        return Instant.parse(text);
      }
      int value = 0;
      for (int at = start; at < end; at++) {
        char digit = text.charAt(at);
        if (digit < '0' || digit > '9') {
          return Instant.parse(text);
        }
        value = value * 10 + (digit - '0');
      }
      fields[i] = value;
      start = end + 1;
    }
    return LocalDateTime.of(
            fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6] * 1_000)
        .toInstant(ZoneOffset.UTC);
  }

  static Option<Dialect> of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return Option.some(POSTGRESQL);
    }
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return Option.some(SQLITE);
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return Option.some(H2);
    }
    return Option.none();
  }

  /** The folder of this database's own migrations, next to the common ones. */
  String migrationFolder() {
    return folder;
  }

  /**
   * How a column asks for code-point ordering, so that ids sort as Java sorts strings (H2 and
   * SQLite do by default: SQLite compares UTF-8 bytes, which is code-point order).
   */
  String binaryCollation() {
    return binaryCollation;
  }

  /** Binds an instant as a timestamp with time zone. */
  void bindInstant(PreparedStatement statement, int position, @Nullable Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(position, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  }

  /** Reads a column that {@link #bindInstant} wrote. */
  final @Nullable Instant readInstant(ResultSet rs, String column) throws SQLException {
    return readInstant(rs, rs.findColumn(column));
  }

  /** Reads the column at an index (from 1) that {@link #bindInstant} wrote. */
  @Nullable Instant readInstant(ResultSet rs, int column) throws SQLException {
    @Nullable OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
