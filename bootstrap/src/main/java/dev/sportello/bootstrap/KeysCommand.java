package dev.sportello.bootstrap;

import dev.sportello.adapter.persistence.PersistenceSettings.DataKey.Rotation;
import dev.sportello.adapter.rest.RestSettings;
import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code keys create}: a new API key and the line that lets the service accept it; {@code keys
 * rotate-data-key}: a new key to seal personal data with.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description =
        "Manages API keys (the service keeps only their SHA-256 hashes) and the data key that"
            + " seals personal data at rest.",
    subcommands = {KeysCommand.Create.class, KeysCommand.RotateDataKey.class})
final class KeysCommand {
  @ParentCommand
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private SportelloCommand parent;

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Prints a new API key for a caller, and the caller=hash pair to add to"
            + " SPORTELLO_API_KEY_HASHES (comma-separated). The key itself is kept nowhere."
      })
  static final class Create implements Callable<Integer> {
    private static final Pattern CALLER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private CommandSpec spec;

    @Option(
        names = "--caller",
        defaultValue = "default",
        description =
            "who the key identifies; requests are kept per caller (default: ${DEFAULT-VALUE})")
    private String caller = "default";

    @Override
    public Integer call() {
      if (!CALLER.matcher(caller).matches()) {
        throw new ParameterException(
            spec.commandLine(), "--caller: 1 to 64 letters, digits, '.', '_' or '-'");
      }
      String key = ApiKeys.generate("sk_");
      PrintWriter out = spec.commandLine().getOut();
      out.println("API key (give it to " + caller + "; it is shown only now):");
      out.println("  " + key);
      out.println("Add to SPORTELLO_API_KEY_HASHES:");
      out.println("  " + caller + "=" + RestSettings.hashApiKey(key));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "rotate-data-key",
      mixinStandardHelpOptions = true,
      description = {
        "Adds a new data key, which seals personal data from now on; the older keys stay to open"
            + " what they sealed (and the backups taken before), and are never dropped.",
        "With the key file in the data dir, the file is replaced and a running service takes the"
            + " new key up within seconds and seals stored data again in the background. With"
            + " SPORTELLO_DATA_KEY, the new keys are printed (only here, never logged): set them in"
            + " its place and restart the service, which then seals stored data again."
      },
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {
        "0:the data key was rotated",
        "1:the data key cannot be read or written",
        "2:the configuration is invalid"
      })
  static final class RotateDataKey implements Callable<Integer> {
    @ParentCommand
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private KeysCommand keys;

    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private CommandSpec spec;

    @Mixin private ConfigOption configOption = new ConfigOption();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      var config = configOption.load(keys.parent.environment(), err);
      if (config.isEmpty()) {
        return ConfigOption.INVALID;
      }
      Either<String, Rotation> rotated =
          Stores.dataDir(config.get())
              .map(dataDir -> Stores.settings(config.get(), dataDir).dataKey())
              .flatMap(dataKey -> dataKey.rotate().mapLeft(StorageFailure::message));
      if (rotated.isLeft()) {
        err.println("error: " + rotated.getLeft());
        err.flush();
        return 1;
      }
      switch (rotated.get()) {
        case Rotation.Republished file -> {
          out.println(
              "The data key file "
                  + file.file()
                  + " holds a new key ("
                  + file.keys()
                  + " keys in all); it seals personal data from now on.");
          out.println(
              "A running service takes it up within seconds and seals stored data again"
                  + " in the background. Keep the file: it holds every key.");
        }
        case Rotation.ToGive text -> {
          out.println(
              "Set SPORTELLO_DATA_KEY to (secret; shown only now; "
                  + text.keys()
                  + " keys in all):");
          out.println("  " + text.text());
          out.println("then restart the service: it seals stored data again with the new key.");
        }
      }
      out.flush();
      return 0;
    }
  }
}
