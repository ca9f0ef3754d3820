package dev.sportello.bootstrap;

import dev.sportello.adapter.persistence.PersistenceAdapter;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Brings the configured database's schema up to date and stops; on a data dir that still holds the
 * H2 store of an earlier version, first copies it into the embedded SQLite store.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Brings the configured database's schema up to date (serve does it too on start); useful"
          + " before rolling out several instances on PostgreSQL. On a data dir that holds the H2"
          + " store of an earlier version (sportello.mv.db), copies every row of it into the"
          + " SQLite store in one transaction, checks the counts, and renames the H2 file aside."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:the schema is up to date",
      "1:the database cannot be reached, migrated or imported",
      "2:the configuration is invalid"
    })
final class MigrateCommand implements Callable<Integer> {
  @ParentCommand
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private SportelloCommand parent;

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private CommandSpec spec;

  @Mixin private ConfigOption configOption = new ConfigOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var config = configOption.load(parent.environment(), err);
    if (config.isEmpty()) {
      return ConfigOption.INVALID;
    }
    Either<String, String> done =
        Stores.dataDir(config.get()).flatMap(dataDir -> migrate(config.get(), dataDir));
    if (done.isLeft()) {
      err.println("error: " + done.getLeft());
      err.flush();
      return 1;
    }
    out.print(done.get());
    out.println("The schema is up to date (" + Stores.describe(config.get()) + ").");
    out.flush();
    return 0;
  }

  /** Migrates, and imports an H2 store first found in the data dir; says what it imported. */
  private static Either<String, String> migrate(Config config, Path dataDir) {
    boolean importH2 = Stores.holdsH2Store(config, dataDir);
    return Stores.openMigrated(config, dataDir)
        .flatMap(adapter -> {
          try (adapter) {
            return importH2
                ? adapter
                    .importH2Store(dataDir)
                    .map(MigrateCommand::imported)
                    .mapLeft(failure -> "cannot import the H2 store: " + failure.message())
                : Either.right("");
          }
        });
  }

  private static String imported(PersistenceAdapter.ImportReport report) {
    return "Imported the H2 store: "
        + report.rows().map(table -> table._1 + " " + table._2).mkString(", ")
        + " rows; the H2 file is now "
        + report.setAside()
        + System.lineSeparator();
  }
}
