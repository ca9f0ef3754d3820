package dev.sportello.adapter.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code catalog list} and {@code catalog show ID}, from a running service. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "The certificates that can be ordered, from a running service.",
    subcommands = {CatalogCommand.ListCertificates.class, CatalogCommand.Show.class})
final class CatalogCommand implements ClientCommand.Group {
  private final CliSettings settings;

  CatalogCommand(CliSettings settings) {
    this.settings = settings;
  }

  @Override
  public CliSettings settings() {
    return settings;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the certificates: id, engine, category and name.")
  static final class ListCertificates extends ClientCommand {
    @Option(names = "--category", description = "only this category")
    private @Nullable String category;

    @Option(names = "--name", description = "only names containing this text")
    private @Nullable String name;

    @Option(names = "--engine", description = "only this engine's: visengine or docuengine")
    private @Nullable String engine;

    @Override
    int run(ApiClient api) {
      StringJoiner query = new StringJoiner("&", "/api/v1/certificates?", "");
      filter(query, "category", category);
      filter(query, "name", name);
      filter(query, "engine", engine);
      return print(
          expect(api.get(query.toString())),
          (out, page) -> {
            for (JsonNode item : page.path("items")) {
              // Ids differ in length between engines; padding keeps the columns aligned.
              out.printf(
                  "%-32s  %-10s  %-10s  %s%n",
                  item.path("id").asString(),
                  item.path("engine").asString(),
                  item.path("category").asString(),
                  item.path("name").asString());
            }
          });
    }

    private static void filter(StringJoiner query, String parameter, @Nullable String value) {
      if (value != null) {
        query.add(parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows a certificate's form: fields, the rule, extras and the price.")
  static final class Show extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "the certificate's id")
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private String id;

    @Override
    int run(ApiClient api) {
      return print(
          expect(api.get("/api/v1/certificates/" + Printer.pathSegment(id))), Printer::certificate);
    }
  }
}
