package dev.sportello.adapter.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the certificates.")
  static final class ListCertificates extends ClientCommand {
    @Option(names = "--category", description = "only this category")
    private @Nullable String category;

    @Option(names = "--name", description = "only names containing this text")
    private @Nullable String name;

    @Override
    int run(ApiClient api) {
      StringBuilder query = new StringBuilder("/api/v1/certificates?");
      if (category != null) {
        query
            .append("category=")
            .append(URLEncoder.encode(category, StandardCharsets.UTF_8))
            .append('&');
      }
      if (name != null) {
        query.append("name=").append(URLEncoder.encode(name, StandardCharsets.UTF_8));
      }
      return print(
          expect(api.get(query.toString())),
          (out, page) -> {
            for (JsonNode item : page.path("items")) {
              out.printf(
                  "%s  %-10s  %s%n",
                  item.path("id").asString(),
                  item.path("category").asString(),
                  item.path("name").asString());
            }
          });
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
