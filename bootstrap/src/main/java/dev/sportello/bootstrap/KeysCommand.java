package dev.sportello.bootstrap;

import dev.sportello.adapter.rest.RestSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keys create}: a new API key and the line that lets the service accept it. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Manages API keys. The service keeps only their SHA-256 hashes.",
    subcommands = KeysCommand.Create.class)
final class KeysCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      versionProvider = ManifestVersion.class,
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
}
