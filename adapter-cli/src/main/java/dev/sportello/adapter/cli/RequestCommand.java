package dev.sportello.adapter.cli;

import dev.sportello.domain.request.RequestStatus;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The request commands, against a running service. */
@Command(
    name = "request",
    mixinStandardHelpOptions = true,
    description = "Orders certificates and follows them, through a running service.",
    subcommands = {
      RequestCommand.Submit.class,
      RequestCommand.Status.class,
      RequestCommand.ListRequests.class,
      RequestCommand.Select.class,
      RequestCommand.Cancel.class,
      RequestCommand.Document.class
    })
final class RequestCommand implements ClientCommand.Group {
  private static final Duration POLL = Duration.ofSeconds(1);

  private final CliSettings settings;

  RequestCommand(CliSettings settings) {
    this.settings = settings;
  }

  @Override
  public CliSettings settings() {
    return settings;
  }

  /**
   * Whether a status, as the API names it, is one that {@code --wait} stops at: a terminal one, or
   * one that waits for the client's choice.
   */
  static boolean isSettled(String status) {
    return List.of(RequestStatus.values())
        .find(known -> known.name().equals(status))
        .exists(known -> known.isTerminal() || known == RequestStatus.AWAITING_SELECTION);
  }

  /** {@code --wait} and how long it waits. */
  static final class Wait {
    @Option(
        names = "--wait",
        description =
            "wait until the request is fulfilled, rejected, cancelled or needs a choice,"
                + " printing each change")
    boolean enabled;

    @Option(
        names = "--timeout",
        defaultValue = "10m",
        description = "how long --wait waits at most (default: ${DEFAULT-VALUE})")
    String timeout = "10m";

    /**
     * The limit: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601 such
     * as {@code PT10M}.
     */
    Either<String, Duration> limit() {
      String text = timeout.replace(" ", "").toUpperCase(Locale.ROOT);
      return Try.of(() ->
              text.endsWith("MS")
                  ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                  : Duration.parse(
                      text.startsWith("P") ? text : (text.endsWith("D") ? "P" : "PT") + text))
          .filter(limit -> !limit.isNegative())
          .toEither("--timeout must be a duration such as 500ms, 30s, 5m, 24h, 365d or PT30S");
    }
  }

  /**
   * Reads the request until it settles, printing each status it passes through; the last reading,
   * or a problem.
   */
  static Either<Integer, JsonNode> follow(
      ClientCommand command, ApiClient api, String id, Wait wait) throws InterruptedException {
    Either<String, Duration> limit = wait.limit();
    if (limit.isLeft()) {
      return Either.left(command.fail(limit.getLeft()));
    }
    Instant start = Instant.now();
    String last = "";
    while (true) {
      Either<Integer, JsonNode> read =
          command.expect(api.get("/api/v1/requests/" + Printer.pathSegment(id)));
      if (read.isLeft()) {
        return read;
      }
      String status = read.get().path("status").asString();
      if (!status.equals(last)) {
        command
            .err()
            .printf("%4d s  %s%n", Duration.between(start, Instant.now()).toSeconds(), status);
        command.err().flush();
        last = status;
      }
      if (isSettled(status)) {
        return read;
      }
      if (Duration.between(start, Instant.now()).compareTo(limit.get()) > 0) {
        return Either.left(command.fail("still " + status + " after " + wait.timeout));
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  @Command(
      name = "submit",
      mixinStandardHelpOptions = true,
      description = {
        "Orders a certificate. The values file is the one `validate` reads:"
            + " {\"values\": {\"$0\": \"…\"}, \"extras\": [\"opzione_0\"]}.",
        "Prints the request as accepted; with --wait, then follows it until it settles and"
            + " prints it again."
      })
  static final class Submit extends ClientCommand {
    @Parameters(index = "0", paramLabel = "CERTIFICATE_ID", description = "what to order")
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private String certificateId;

    @Parameters(index = "1", paramLabel = "VALUES_JSON", description = "the values and extras")
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private Path valuesFile;

    @Option(names = "--reference", description = "your own reference for the request")
    private @Nullable String reference;

    @Option(
        names = "--idempotency-key",
        description = "repeat a submission safely with the same key (default: a new one)")
    private @Nullable String idempotencyKey;

    @Mixin Wait wait = new Wait();

    @Override
    int run(ApiClient api) throws InterruptedException {
      Either<String, ValuesFile> submission = ValuesFile.read(valuesFile);
      if (submission.isLeft()) {
        return fail(submission.getLeft());
      }
      ObjectNode body = ApiClient.JSON.createObjectNode().put("certificateId", certificateId);
      body.set("values", submission.get().values());
      body.set("extras", submission.get().extras());
      if (reference != null) {
        body.put("reference", reference);
      }
      String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
      Either<String, ApiClient.Answer> answer =
          api.post("/api/v1/requests", body, io.vavr.control.Option.some(key));
      if (answer.isLeft()) {
        // No answer does not mean no order: the same key places it at most once.
        err()
            .println(
                "the order may have reached the service; to repeat it without paying twice, run"
                    + " the same command with --idempotency-key "
                    + key);
      }
      Either<Integer, JsonNode> accepted = expect(answer);
      if (accepted.isLeft()) {
        return accepted.getLeft();
      }
      // Printed before any wait, so that an interrupted wait leaves the id on the screen.
      Printer.request(out(), accepted.get());
      out().flush();
      if (!wait.enabled) {
        return 0;
      }
      Either<Integer, JsonNode> followed =
          follow(this, api, accepted.get().path("id").asString(), wait);
      // A request settled when accepted (a search's candidates, a refusal) is on the screen.
      boolean unchanged =
          followed.exists(request ->
              request.path("status").asString().equals(accepted.get().path("status").asString()));
      return unchanged ? 0 : print(followed, Printer::request);
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Shows a request; with --wait, follows it until it settles.")
  static final class Status extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "the request's id")
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private String id;

    @Mixin Wait wait = new Wait();

    @Override
    int run(ApiClient api) throws InterruptedException {
      Either<Integer, JsonNode> read =
          wait.enabled
              ? follow(this, api, id, wait)
              : expect(api.get("/api/v1/requests/" + Printer.pathSegment(id)));
      return print(read, Printer::request);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists your requests, newest first.")
  static final class ListRequests extends ClientCommand {
    @Option(names = "--status", description = "only requests in this status, such as PROCESSING")
    private @Nullable String status;

    @Option(
        names = "--limit",
        defaultValue = "50",
        description = "at most this many (default: ${DEFAULT-VALUE})")
    private int limit = 50;

    @Override
    int run(ApiClient api) {
      String query =
          "/api/v1/requests?limit="
              + limit
              + (status == null ? "" : "&status=" + Printer.pathSegment(status));
      return print(
          expect(api.get(query)),
          (out, page) -> page.path("items").forEach(request -> Printer.request(out, request)));
    }
  }

  @Command(
      name = "select",
      mixinStandardHelpOptions = true,
      description = "Chooses a candidate of the latest search; the document is then produced.")
  static final class Select extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "the request's id")
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private String id;

    @Parameters(index = "1", paramLabel = "INDEX", description = "the candidate's index, as listed")
    private int index;

    @Option(names = "--search-id", description = "the search round (default: the latest)")
    private @Nullable String searchId;

    @Override
    int run(ApiClient api) {
      Either<Integer, JsonNode> request =
          expect(api.get("/api/v1/requests/" + Printer.pathSegment(id)));
      if (request.isLeft()) {
        return request.getLeft();
      }
      JsonNode searches = request.get().path("searches");
      String round =
          searchId != null
              ? searchId
              : searches.isEmpty()
                  ? ""
                  : searches.get(searches.size() - 1).path("searchId").asString();
      if (round.isEmpty()) {
        return fail("the request has no search to choose from");
      }
      return print(
          expect(
              api.post(
                  "/api/v1/requests/" + Printer.pathSegment(id) + "/selection",
                  Map.of("searchId", round, "index", index),
                  io.vavr.control.Option.none())),
          Printer::request);
    }
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Cancels a request that is not finished.")
  static final class Cancel extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "the request's id")
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private String id;

    @Option(
        names = "--reason",
        defaultValue = "cancelled from the command line",
        description = "why")
    private String reason = "cancelled from the command line";

    @Override
    int run(ApiClient api) {
      return print(
          expect(
              api.post(
                  "/api/v1/requests/" + Printer.pathSegment(id) + "/cancellation",
                  Map.of("reason", reason),
                  io.vavr.control.Option.none())),
          Printer::request);
    }
  }

  @Command(
      name = "document",
      mixinStandardHelpOptions = true,
      description =
          "Downloads a fulfilled request's document, a ZIP of PDFs; with --wait, first waits for it.")
  static final class Document extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "the request's id")
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private String id;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE",
        description = "where to write the ZIP")
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private Path output;

    @Mixin Wait wait = new Wait();

    @Override
    int run(ApiClient api) throws InterruptedException {
      if (wait.enabled) {
        Either<Integer, JsonNode> settled = follow(this, api, id, wait);
        if (settled.isLeft()) {
          return settled.getLeft();
        }
        if (!settled.get().path("status").asString().equals(RequestStatus.FULFILLED.name())) {
          return fail(
              "the request is "
                  + settled.get().path("status").asString()
                  + ": there is no document");
        }
      }
      long[] shown = {0};
      var downloaded =
          api.download(
              "/api/v1/requests/" + Printer.pathSegment(id) + "/document",
              output,
              bytes -> {
                if (bytes - shown[0] >= 1024 * 1024) {
                  shown[0] = bytes;
                  err().print("\rdownloaded " + Printer.bytes(bytes));
                  err().flush();
                }
              });
      if (downloaded.isLeft()) {
        return fail(downloaded.getLeft());
      }
      if (downloaded.get().isLeft()) {
        return fail(downloaded.get().getLeft().problem());
      }
      err().print("\r");
      out().println("wrote " + output + " (" + Printer.bytes(downloaded.get().get()) + ")");
      return 0;
    }
  }
}
