package dev.sportello.adapter.persistence;

import io.vavr.control.Option;

/** The database engines the adapter speaks, told apart by the JDBC URL. */
enum Engine {
  POSTGRESQL("postgresql", "COLLATE \"C\""),
  H2("h2", "");

  private final String folder;
  private final String binaryCollation;

  Engine(String folder, String binaryCollation) {
    this.folder = folder;
    this.binaryCollation = binaryCollation;
  }

  static Option<Engine> of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return Option.some(POSTGRESQL);
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return Option.some(H2);
    }
    return Option.none();
  }

  /** The folder of this engine's own migrations, next to the common ones. */
  String migrationFolder() {
    return folder;
  }

  /**
   * How a column asks for code-point ordering, so that ids sort as Java sorts strings (H2 does by
   * default).
   */
  String binaryCollation() {
    return binaryCollation;
  }
}
