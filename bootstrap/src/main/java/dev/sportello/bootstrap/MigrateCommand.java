package dev.sportello.bootstrap;

import dev.sportello.adapter.persistence.PersistenceAdapter;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Brings the configured database's schema up to date and stops. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = {
      "Brings the configured database's schema up to date (serve does it too on start); useful"
          + " before rolling out several instances on PostgreSQL."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:the schema is up to date",
      "1:the database cannot be reached or migrated",
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
    Either<String, PersistenceAdapter> opened = open(config.get());
    if (opened.isLeft()) {
      err.println("error: " + opened.getLeft());
      err.flush();
      return 1;
    }
    opened.get().close();
    out.println("The schema is up to date (" + Stores.describe(config.get()) + ").");
    out.flush();
    return 0;
  }

  private static Either<String, PersistenceAdapter> open(Config config) {
    return Stores.dataDir(config).flatMap(dataDir -> Stores.open(config, dataDir));
  }
}
