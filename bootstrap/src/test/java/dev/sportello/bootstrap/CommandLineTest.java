package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.rest.RestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The commands, run in-process; the client ones against a running service over HTTP. */
class CommandLineTest {
  @TempDir static Path dataDir;
  @TempDir Path work;

  private static Harness app;
  private static Map<String, String> client;

  @BeforeAll
  static void start() {
    app = Harness.start(Harness.environment(dataDir, Map.of()));
    client =
        Map.of(
            "SPORTELLO_URL",
            app.service.baseUrl().toString(),
            "SPORTELLO_API_KEY",
            Harness.API_KEY);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void catalogListPrintsALinePerCertificate() {
    Cli run = Cli.run(client, "catalog", "list");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .contains(
            Harness.FAMILY_STATUS + "  visengine   Patronato   Certificato stato di famiglia");
  }

  @Test
  void catalogShowPrintsTheForm() {
    Cli run = Cli.run(client, "catalog", "show", Harness.RESIDENCE);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Certificato di residenza anagrafica")
        .contains("rule    $0 && $1 && $2 && $3 && $4")
        .contains("extra   opzione_0 urgenza +4.00 EUR");
  }

  @Test
  void aSubmittedRequestCanBeFollowedAndItsDocumentDownloaded() throws Exception {
    Path values = work.resolve("values.json");
    Files.writeString(
        values,
        "{\"values\": {\"$0\": \"Mario\", \"$1\": \"Rossi\", \"$2\": \"1985-12-10\","
            + " \"$3\": \"G702\", \"$4\": \""
            + Harness.MARIO_ROSSI
            + "\"}}");

    Cli submitted = Cli.run(client, "request", "submit", Harness.RESIDENCE, values.toString());
    String id = submitted.out().split(" ", 2)[0];
    app.syncUntil(id, "FULFILLED");
    Cli status = Cli.run(client, "request", "status", id);
    Cli document =
        Cli.run(client, "request", "document", id, "-o", work.resolve("document.zip").toString());

    assertThat(submitted.exitCode()).isZero();
    assertThat(status.out()).startsWith(id + "  FULFILLED  Certificato di residenza anagrafica");
    assertThat(document.exitCode()).isZero();
    assertThat(Harness.zipEntries(Files.readAllBytes(work.resolve("document.zip"))).values())
        .allMatch(head -> head.startsWith("%PDF"));
  }

  @Test
  void aRefusedSubmissionPrintsEveryViolationAndExits1() throws Exception {
    Path values = work.resolve("values.json");
    Files.writeString(values, "{\"values\": {\"$0\": \"Mario\"}}");

    Cli run = Cli.run(client, "request", "submit", Harness.RESIDENCE, values.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: ").contains("$4");
  }

  @Test
  void aClientCommandWithoutAnApiKeySaysWhereToFindOne() {
    Cli run = Cli.run(Map.of(), "request", "list");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: no API key: pass --api-key or set SPORTELLO_API_KEY (serve prints one in"
                + " sandbox mode)"
                + System.lineSeparator());
  }

  @Test
  void serveAloneReadsTheFileThatSportelloConfigNames() throws java.io.IOException {
    Path file = Files.writeString(work.resolve("sportello.properties"), "retention=forever\n");

    Cli run = Cli.run(Map.of("SPORTELLO_CONFIG", file.toString()), "serve");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("configuration: ").contains("=forever (in " + file + ")");
  }

  @Test
  void serveAlonePrintsAnUnexpectedFailuresStackTraceAndExits1() {
    Map<String, String> unreadable =
        new HashMap<>() {
          @Override
          public String get(Object name) {
            throw new IllegalStateException("the environment cannot be read");
          }
        };

    Cli run = Cli.run(unreadable, "serve");

    assertThat(run.exitCode()).isEqualTo(ServeCommand.CANNOT_START);
    assertThat(run.err())
        .startsWith("java.lang.IllegalStateException: the environment cannot be read")
        .contains("\tat dev.sportello.bootstrap.");
  }

  @Test
  void serveWithAConfigFileReadsThatFile() throws java.io.IOException {
    Path file = Files.writeString(work.resolve("sportello.properties"), "retention=forever\n");

    Cli run = Cli.run(Map.of(), "serve", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("configuration: ").contains("=forever (in " + file + ")");
  }

  @Test
  void serveHelpListsItsOptionsAndStartsNothing() {
    Cli run = Cli.run(Map.of(), "serve", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: sportello serve").contains("--config=FILE");
  }

  @Test
  void sandboxHelpSaysOnePortServesBothEnginesAndTheirOAuthService() {
    Cli run = Cli.run(Map.of(), "sandbox", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("Openapi's Visengine and DocuEngine APIs")
        .contains("and their OAuth service, all on one port")
        .contains("--account EMAIL:APIKEY")
        .contains("--port N (default 8089)");
  }

  @Test
  void sandboxHelpNamesTheCommandAsRunThroughTheLauncher() {
    Cli run = Cli.run(Map.of(), "sandbox", "--help");

    assertThat(run.out())
        .contains("Usage: sportello sandbox [options]")
        .doesNotContain("java -jar")
        .doesNotContain("lists them all");
  }

  @Test
  void onlyTheTopCommandOffersTheVersion() {
    CommandLine root = Main.commandLine(Map.of());

    assertThat(root.getUsageMessage()).contains("-V, --version");
    assertThat(everyCommandUnder(root))
        .isNotEmpty()
        .allSatisfy(command ->
            assertThat(command.getUsageMessage())
                .as(command.getCommandSpec().qualifiedName())
                .doesNotContain("--version"));
  }

  @Test
  void noHelpBreaksAnAddressAcrossLines() {
    CommandLine root = Main.commandLine(Map.of());

    assertThat(everyCommandUnder(root).prepend(root))
        .as("some help gives an address")
        .anyMatch(command -> !addressesDescribed(command.getCommandSpec()).isEmpty())
        .allSatisfy(command -> {
          io.vavr.collection.List<String> lines =
              io.vavr.collection.List.of(command.getUsageMessage().split("\\R"));
          assertThat(addressesDescribed(command.getCommandSpec()))
              .as(command.getCommandSpec().qualifiedName())
              .allSatisfy(address -> assertThat(lines).anyMatch(line -> line.contains(address)));
        });
  }

  /** Every address the command's descriptions and its options' descriptions give, unwrapped. */
  private static io.vavr.collection.List<String> addressesDescribed(CommandSpec spec) {
    String described =
        String.join(" ", spec.usageMessage().description())
            + " "
            + io.vavr.collection.List.ofAll(spec.options())
                .map(option -> String.join(" ", option.description()))
                .mkString(" ");
    Matcher address = Pattern.compile("https?://[^\\s,;)\"'`]*[^\\s,;)\"'`.]").matcher(described);
    io.vavr.collection.List<String> found = io.vavr.collection.List.empty();
    while (address.find()) {
      found = found.prepend(address.group());
    }
    return found;
  }

  private static io.vavr.collection.List<CommandLine> everyCommandUnder(CommandLine command) {
    return io.vavr.collection.List.ofAll(command.getSubcommands().values())
        .flatMap(sub -> everyCommandUnder(sub).prepend(sub));
  }

  @Test
  void serveOnAHostThatDoesNotResolveSaysSoAndNotThatThePortIsInUse() {
    Cli run =
        Cli.run(
            // A name under .invalid never resolves (RFC 6761), whatever the resolver.
            Map.of(
                "SPORTELLO_HTTP_HOST", "sportello.invalid", "SPORTELLO_DATA_DIR", work.toString()),
            "serve");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "error: SPORTELLO_HTTP_HOST (http.host) sportello.invalid: neither an IP address nor a"
                + " host name that resolves; use one of this machine's, localhost, or 0.0.0.0 for"
                + " every interface");
  }

  @Test
  void serveOnAnotherMachinesAddressSaysSo() {
    Cli run =
        Cli.run(
            Map.of("SPORTELLO_HTTP_HOST", "192.0.2.1", "SPORTELLO_DATA_DIR", work.toString()),
            "serve");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            "error: SPORTELLO_HTTP_HOST (http.host) 192.0.2.1: not an address of this machine");
  }

  @Test
  void serveOnAPortInUseSaysSoWithThePort() throws java.io.IOException {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli run =
          Cli.run(
              Map.of(
                  "SPORTELLO_HTTP_HOST",
                  "127.0.0.1",
                  "SPORTELLO_HTTP_PORT",
                  String.valueOf(taken.getLocalPort()),
                  "SPORTELLO_DATA_DIR",
                  work.toString()),
              "serve");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("in use").contains(String.valueOf(taken.getLocalPort()));
    }
  }

  @Test
  void keysCreatePrintsAKeyAndTheHashTheServiceAcceptsItBy() {
    Cli run = Cli.run(Map.of(), "keys", "create", "--caller", "payroll");

    String[] lines = run.out().lines().map(String::strip).toArray(String[]::new);
    assertThat(lines[3]).isEqualTo("payroll=" + RestSettings.hashApiKey(lines[1]));
    assertThat(
            ConfigLoader.load(
                    Map.of("SPORTELLO_API_KEY_HASHES", lines[3]), io.vavr.control.Option.none())
                .isValid())
        .isTrue();
  }

  @Test
  void migrateBringsAnEmptyDatabaseUpToDate() {
    Cli run = Cli.run(Map.of("SPORTELLO_DATA_DIR", work.toString()), "migrate");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("The schema is up to date (SQLite ");
    assertThat(work.resolve("sportello.db")).exists();
  }

  @Test
  void aMisspeltVariableIsWarnedAboutAndTheCommandRunsAllTheSame() {
    Cli run =
        Cli.run(
            Map.of("SPORTELLO_DATA_DIR", work.toString(), "SPORTELLO_HTTP_PROT", "9090"),
            "migrate");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err().lines())
        .contains(
            "configuration: WARNING: SPORTELLO_HTTP_PROT (environment): not a Sportello setting,"
                + " ignored; did you mean SPORTELLO_HTTP_PORT?");
    assertThat(run.out()).startsWith("The schema is up to date (SQLite ");
  }

  @Test
  void serveRefusesADataDirectoryThatHoldsAnH2StoreAndMigrateImportsIt() throws SQLException {
    Path legacy = work.resolve("legacy");
    // An empty H2 store, as an earlier version created it before its first migration.
    DriverManager.getConnection(
            "jdbc:h2:file:"
                + legacy.resolve("sportello")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "sa",
            "")
        .close();
    Map<String, String> environment =
        Map.of("SPORTELLO_DATA_DIR", legacy.toString(), "SPORTELLO_HTTP_PORT", "0");

    Cli refused = Cli.run(environment, "serve");
    Cli migrated = Cli.run(environment, "migrate");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("holds the H2 store of an earlier version (sportello.mv.db)")
        .contains("run `sportello migrate`");
    assertThat(migrated.exitCode()).isZero();
    assertThat(migrated.out())
        .startsWith(
            "Imported the H2 store: request 0, request_values 0, idempotency_key 0,"
                + " catalogue_listing 0, catalogue_certificate 0, spending_reservation 0,"
                + " spending_caller 0, credentials 0, webhook_endpoint 0,"
                + " webhook_delivery 0 rows; the H2 file is now ");
    assertThat(legacy.resolve("sportello-h2-imported.mv.db")).exists();
    assertThat(legacy.resolve("sportello.mv.db")).doesNotExist();
  }

  @Test
  void rotateDataKeyAddsAKeyToTheKeyFileAndPrintsNoKey() throws java.io.IOException {
    Map<String, String> environment = Map.of("SPORTELLO_DATA_DIR", work.toString());
    assertThat(Cli.run(environment, "migrate").exitCode()).isZero();
    java.nio.file.Path keyFile = work.resolve("data.key");
    String before = java.nio.file.Files.readString(keyFile);

    Cli run = Cli.run(environment, "keys", "rotate-data-key");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("2 keys in all").doesNotContain("keyData");
    assertThat(java.nio.file.Files.readString(keyFile)).isNotEqualTo(before);
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(Cli.run(environment, "migrate").exitCode()).isZero();
  }

  @Test
  void rotateDataKeyPrintsTheNewKeysToSetWhenTheyComeFromTheEnvironment() {
    Map<String, String> environment = Map.of("SPORTELLO_DATA_DIR", work.toString());
    assertThat(Cli.run(environment, "migrate").exitCode()).isZero();
    String given = readKeyFile();
    Map<String, String> withKey =
        Map.of("SPORTELLO_DATA_DIR", work.toString(), "SPORTELLO_DATA_KEY", given);

    Cli run = Cli.run(withKey, "keys", "rotate-data-key");

    assertThat(run.exitCode()).isZero();
    String rotated = run.out().lines().skip(1).findFirst().orElseThrow().strip();
    assertThat(rotated).contains("keyData").isNotEqualTo(given);
    assertThat(readKeyFile()).isEqualTo(given);
    assertThat(
            Cli.run(
                    Map.of("SPORTELLO_DATA_DIR", work.toString(), "SPORTELLO_DATA_KEY", rotated),
                    "migrate")
                .exitCode())
        .isZero();
  }

  @Test
  void rotateDataKeyWithoutAKeyFileFailsWithoutCreatingOne() {
    Cli run = Cli.run(Map.of("SPORTELLO_DATA_DIR", work.toString()), "keys", "rotate-data-key");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("data key file");
    assertThat(work.resolve("data.key")).doesNotExist();
  }

  private String readKeyFile() {
    try {
      return java.nio.file.Files.readString(work.resolve("data.key"));
    } catch (java.io.IOException unreadable) {
      throw new java.io.UncheckedIOException(unreadable);
    }
  }

  @Test
  void serveWithAnInvalidConfigurationPrintsEveryProblemAndExits2() {
    Map<String, String> environment = new HashMap<>();
    environment.put("SPORTELLO_HTTP_PORT", "eighty");
    environment.put("SPORTELLO_RETENTION", "forever");

    Cli run = Cli.run(environment, "serve");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "configuration: SPORTELLO_HTTP_PORT=eighty (environment): must be a whole number from 0"
                + " to 65535",
            "configuration: SPORTELLO_RETENTION=forever (environment): must be a duration such as"
                + " 500ms, 30s, 5m, 24h, 365d or PT30S");
  }
}
