package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.docuengine.DocuEngineSettings;
import dev.sportello.adapter.visengine.VisengineSettings;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String HASH = "a".repeat(64);

  @TempDir Path directory;

  private static Config valid(Map<String, String> environment) {
    Validation<List<String>, Config> loaded = ConfigLoader.load(environment, Option.none());
    assertThat(loaded.isValid())
        .as("problems: %s", loaded.isInvalid() ? loaded.getError() : "")
        .isTrue();
    return loaded.get();
  }

  private static List<String> problems(Map<String, String> environment) {
    Validation<List<String>, Config> loaded = ConfigLoader.load(environment, Option.none());
    assertThat(loaded.isInvalid()).isTrue();
    return loaded.getError();
  }

  private static Option<URI> engineHost(Config config, OpenapiEngine engine) {
    return ((Config.Upstream.Openapi) config.upstream())
        .engines()
        .get(engine)
        .map(Config.EngineAccess::baseUrl);
  }

  @Test
  void noConfigurationMeansTheSandboxOnLocalhost8080WithH2UnderData() {
    Config config = valid(Map.of());

    assertThat(config.httpHost()).isEqualTo("localhost");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.upstream()).isEqualTo(new Config.Upstream.Sandbox(0, Duration.ofSeconds(3)));
    assertThat(config.database()).isEqualTo(new Config.Database.Embedded());
    assertThat(config.syncInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.catalogTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(config.retention()).isEqualTo(Duration.ofDays(365));
    assertThat(config.maxFileBytes()).isEqualTo(10L << 20);
    assertThat(config.maxBodyBytes()).isEqualTo(25L << 20);
    assertThat(config.logFormat()).isEqualTo(Config.LogFormat.TEXT);
  }

  @Test
  void aTokenLeavesSandboxModeForOpenapisTestHost() {
    Config config =
        valid(
            Map.of(
                "SPORTELLO_VISENGINE_TOKEN", "t0ken", "SPORTELLO_API_KEY_HASHES", "ops=" + HASH));

    assertThat(config.upstream())
        .isEqualTo(
            new Config.Upstream.Openapi(
                TreeMap.of(
                    OpenapiEngine.VISENGINE,
                    new Config.EngineAccess(VisengineSettings.TEST, Option.some("t0ken"))),
                Option.none()));
    assertThat(config.sandboxMode()).isFalse();
  }

  @Test
  void aDocuEngineTokenAloneUsesDocuEnginesTestHostAndLeavesVisengineOff() {
    Config config =
        valid(
            Map.of(
                "SPORTELLO_DOCUENGINE_TOKEN", "d0cu", "SPORTELLO_API_KEY_HASHES", "ops=" + HASH));

    assertThat(config.upstream())
        .isEqualTo(
            new Config.Upstream.Openapi(
                TreeMap.of(
                    OpenapiEngine.DOCUENGINE,
                    new Config.EngineAccess(DocuEngineSettings.TEST, Option.some("d0cu"))),
                Option.none()));
    assertThat(config.sandboxMode()).isFalse();
  }

  @Test
  void bothEnginesCanBeUsedTogetherEachOnItsOwnHost() {
    Config config =
        valid(
            Map.of(
                "SPORTELLO_VISENGINE_TOKEN", "t0ken",
                "SPORTELLO_DOCUENGINE_TOKEN", "d0cu",
                "SPORTELLO_DOCUENGINE_URL", "production",
                "SPORTELLO_API_KEY_HASHES", "ops=" + HASH));

    assertThat(config.upstream())
        .isEqualTo(
            new Config.Upstream.Openapi(
                TreeMap.of(
                    OpenapiEngine.VISENGINE,
                    new Config.EngineAccess(VisengineSettings.TEST, Option.some("t0ken")),
                    OpenapiEngine.DOCUENGINE,
                    new Config.EngineAccess(DocuEngineSettings.PRODUCTION, Option.some("d0cu"))),
                Option.none()));
  }

  @Test
  void aDocuEngineUrlMayNameAnyHttpServer() {
    Config config =
        valid(
            Map.of(
                "SPORTELLO_DOCUENGINE_TOKEN", "d0cu",
                "SPORTELLO_DOCUENGINE_URL", "http://127.0.0.1:8089",
                "SPORTELLO_API_KEY_HASHES", "ops=" + HASH));

    assertThat(engineHost(config, OpenapiEngine.DOCUENGINE))
        .contains(URI.create("http://127.0.0.1:8089"));
    assertThat(
            problems(
                Map.of(
                    "SPORTELLO_DOCUENGINE_TOKEN", "d0cu",
                    "SPORTELLO_DOCUENGINE_URL", "ftp://docs.example.com",
                    "SPORTELLO_API_KEY_HASHES", "ops=" + HASH)))
        .containsExactly(
            "SPORTELLO_DOCUENGINE_URL=ftp://docs.example.com (environment): must be test,"
                + " production or an http(s) URL");
  }

  @Test
  void noEnginesTokenIsEverPrinted() {
    Config config =
        valid(
            Map.of(
                "SPORTELLO_VISENGINE_TOKEN", "visengine-secret-token",
                "SPORTELLO_DOCUENGINE_TOKEN", "docuengine-secret-token",
                "SPORTELLO_API_KEY_HASHES", "ops=" + HASH));

    assertThat(config.toString())
        .contains(DocuEngineSettings.TEST.toString(), VisengineSettings.TEST.toString())
        .doesNotContain("visengine-secret-token", "docuengine-secret-token");
    assertThat(Setting.DOCUENGINE_TOKEN.secret()).isTrue();
    assertThat(Setting.VISENGINE_TOKEN.secret()).isTrue();
  }

  @Test
  void productionNamesOpenapisProductionHost() {
    Config config =
        valid(
            Map.of(
                "SPORTELLO_VISENGINE_TOKEN", "t0ken",
                "SPORTELLO_VISENGINE_URL", "production",
                "SPORTELLO_API_KEY_HASHES", "ops=" + HASH));

    assertThat(engineHost(config, OpenapiEngine.VISENGINE)).contains(VisengineSettings.PRODUCTION);
  }

  @Test
  void apiKeyHashesMapEachHashToItsCaller() {
    Config config =
        valid(Map.of("SPORTELLO_API_KEY_HASHES", "payroll=" + HASH + ", hr=" + "B".repeat(64)));

    assertThat(config.apiKeys().toJavaMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of(HASH, "payroll", "b".repeat(64), "hr"));
  }

  @Test
  void theEnvironmentWinsOverTheFileAndTheFileOverTheDefaults() throws IOException {
    Path file = directory.resolve("sportello.properties");
    Files.writeString(file, "http.port=9090\nsync.interval=5m\n");

    Config config =
        ConfigLoader.load(Map.of("SPORTELLO_HTTP_PORT", "7070"), Option.some(file)).get();

    assertThat(config.httpPort()).isEqualTo(7070);
    assertThat(config.syncInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.catalogTtl()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void theFileCanBeNamedBySportelloConfig() throws IOException {
    Path file = directory.resolve("other.properties");
    Files.writeString(file, "jdbc.url=jdbc:postgresql://db/sportello\njdbc.user=app\n");

    Config config = valid(Map.of("SPORTELLO_CONFIG", file.toString()));

    assertThat(config.database())
        .isEqualTo(new Config.Database.Postgres("jdbc:postgresql://db/sportello", "app", ""));
  }

  @Test
  void aMissingFileIsOneProblem() {
    List<String> problems =
        ConfigLoader.load(Map.of(), Option.some(directory.resolve("nope.properties"))).getError();

    assertThat(problems)
        .containsExactly(directory.resolve("nope.properties") + ": no such configuration file");
  }

  @Test
  void anUnknownSportelloVariableIsAWarningNamingTheNearestSettingAndTheServiceStarts() {
    Map<String, String> environment = Map.of("SPORTELLO_HTTP_PROT", "9090");

    valid(environment);
    assertThat(ConfigLoader.unknownVariables(environment))
        .containsExactly(
            "SPORTELLO_HTTP_PROT (environment): not a Sportello setting, ignored; did you mean"
                + " SPORTELLO_HTTP_PORT?");
  }

  @Test
  void anUnknownVariableFarFromEverySettingIsNamedWithoutASuggestion() {
    assertThat(ConfigLoader.unknownVariables(Map.of("SPORTELLO_COLOUR", "blue")))
        .containsExactly("SPORTELLO_COLOUR (environment): not a Sportello setting, ignored");
  }

  @Test
  void theVariablesOfTheLauncherAndTheClientCommandsAreKnown() {
    Map<String, String> environment =
        Map.of(
            "SPORTELLO_HEAP", "1g",
            "SPORTELLO_URL", "http://localhost:8080",
            "SPORTELLO_CONFIG", "",
            "PATH", "/usr/bin");

    valid(environment);
    assertThat(ConfigLoader.unknownVariables(environment)).isEmpty();
  }

  @Test
  void theLinksKubernetesAndDockerSetForAServiceNamedSportelloAreNotWarnedAbout() {
    Map<String, String> environment =
        Map.of(
            "SPORTELLO_SERVICE_HOST", "10.96.0.12",
            "SPORTELLO_SERVICE_PORT", "8080",
            "SPORTELLO_SERVICE_PORT_HTTP", "8080",
            "SPORTELLO_PORT", "tcp://10.96.0.12:8080",
            "SPORTELLO_PORT_8080_TCP", "tcp://10.96.0.12:8080",
            "SPORTELLO_PORT_8080_TCP_ADDR", "10.96.0.12",
            "SPORTELLO_PORT_8080_TCP_PROTO", "tcp",
            "SPORTELLO_DB_SERVICE_HOST", "10.96.0.13",
            "SPORTELLO_NAME", "/web/sportello",
            "SPORTELLO_ENV_LANG", "C.UTF-8");

    valid(environment);
    assertThat(ConfigLoader.unknownVariables(environment)).isEmpty();
  }

  @Test
  void aMisspeltPortWithANumberIsStillWarnedAbout() {
    assertThat(ConfigLoader.unknownVariables(Map.of("SPORTELLO_HTP_PORT", "9090")))
        .containsExactly(
            "SPORTELLO_HTP_PORT (environment): not a Sportello setting, ignored; did you mean"
                + " SPORTELLO_HTTP_PORT?");
  }

  @Test
  void anUnknownKeyInTheFileIsAProblem() throws IOException {
    Path file = directory.resolve("sportello.properties");
    Files.writeString(file, "http.prot=9090\n");

    List<String> problems = ConfigLoader.load(Map.of(), Option.some(file)).getError();

    assertThat(problems)
        .containsExactly(
            "http.prot (in " + file + "): not a Sportello setting; did you mean http.port?");
  }

  @Test
  void everyProblemIsReportedOnItsOwnLine() {
    List<String> problems =
        problems(
            Map.of(
                "SPORTELLO_HTTP_PORT", "80a",
                "SPORTELLO_SYNC_INTERVAL", "soon",
                "SPORTELLO_LOG_FORMAT", "xml",
                "SPORTELLO_JDBC_URL", "jdbc:mysql://db"));

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "SPORTELLO_HTTP_PORT=80a (environment): must be a whole number from 0 to 65535",
            "SPORTELLO_SYNC_INTERVAL=soon (environment): must be a duration such as 500ms, 30s,"
                + " 5m, 24h, 365d or PT30S",
            "SPORTELLO_LOG_FORMAT=xml (environment): must be one of text, json",
            "SPORTELLO_JDBC_URL=jdbc:mysql://db (environment): must be a jdbc:postgresql: URL"
                + " (leave it empty for the embedded store)");
  }

  @Test
  void aProblemWithASecretNeverShowsTheSecret() {
    List<String> problems = problems(Map.of("SPORTELLO_WEBHOOK_SECRET", "short-secret"));

    assertThat(problems)
        .containsExactly("SPORTELLO_WEBHOOK_SECRET (environment): must be at least 32 characters");
  }

  @Test
  void aGivenDataKeyIsUsedForTheStoreAndNeverPrinted() {
    Config config = valid(Map.of("SPORTELLO_DATA_KEY", "{\"values\": \"sealed-keys\"}"));

    assertThat(config.dataKey()).contains("{\"values\": \"sealed-keys\"}");
    assertThat(Stores.settings(config, directory).dataKey())
        .isEqualTo(
            new dev.sportello.adapter.persistence.PersistenceSettings.DataKey.Given(
                "{\"values\": \"sealed-keys\"}"));
    assertThat(config.toString()).doesNotContain("sealed-keys");
    assertThat(Stores.settings(config, directory).toString()).doesNotContain("sealed-keys");
  }

  @Test
  void withoutADataKeyTheStoreKeepsOneInTheDataDir() {
    assertThat(Stores.settings(valid(Map.of()), directory).dataKey())
        .isEqualTo(
            new dev.sportello.adapter.persistence.PersistenceSettings.DataKey.KeptIn(
                directory.toAbsolutePath().normalize().resolve("data.key")));
  }

  @Test
  void theDataDirItCreatesIsReadableByItsOwnerOnly() throws IOException {
    Path dataDir = directory.resolve("new").resolve("data");

    Path created = Stores.dataDir(valid(Map.of("SPORTELLO_DATA_DIR", dataDir.toString()))).get();

    assertThat(created).isEqualTo(dataDir.toAbsolutePath().normalize());
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(created)))
        .isEqualTo("rwx------");
  }

  @Test
  void aFileWhereTheDataDirShouldBeIsAProblem() throws IOException {
    Path file = Files.writeString(directory.resolve("data"), "not a folder");

    assertThat(Stores.dataDir(valid(Map.of("SPORTELLO_DATA_DIR", file.toString())))).isEmpty();
  }

  @Test
  void aUrlWithoutATokenOrAccountIsRefusedRatherThanSilentlyUsingTheSandbox() {
    assertThat(problems(Map.of("SPORTELLO_VISENGINE_URL", "production")))
        .containsExactly(
            "SPORTELLO_VISENGINE_URL: needs SPORTELLO_VISENGINE_TOKEN or the Openapi account"
                + " (SPORTELLO_OPENAPI_EMAIL, SPORTELLO_OPENAPI_API_KEY) as well; without either"
                + " Sportello does not use Visengine, and with neither it runs the embedded"
                + " sandbox");
  }

  @Test
  void aDocuEngineUrlWithoutATokenIsRefusedRatherThanSilentlyLeavingDocuEngineOff() {
    assertThat(
            problems(
                Map.of(
                    "SPORTELLO_VISENGINE_TOKEN", "t0ken",
                    "SPORTELLO_DOCUENGINE_URL", "production",
                    "SPORTELLO_API_KEY_HASHES", "ops=" + HASH)))
        .containsExactly(
            "SPORTELLO_DOCUENGINE_URL: needs SPORTELLO_DOCUENGINE_TOKEN or the Openapi account"
                + " (SPORTELLO_OPENAPI_EMAIL, SPORTELLO_OPENAPI_API_KEY) as well; without either"
                + " Sportello does not use DocuEngine, and with neither it runs the embedded"
                + " sandbox");
  }

  @Test
  void outsideSandboxModeApiKeyHashesAreRequiredAndAPlainKeyIsRefused() {
    assertThat(
            problems(
                Map.of(
                    "SPORTELLO_VISENGINE_TOKEN", "t0ken",
                    "SPORTELLO_API_KEY", "a-plain-key-of-some-length")))
        .containsExactly(
            "SPORTELLO_API_KEY: a plain key is accepted in sandbox mode only; configure"
                + " SPORTELLO_API_KEY_HASHES (see `sportello keys create`)",
            "SPORTELLO_API_KEY_HASHES: required with an engine's token, so that the API is not"
                + " open to anyone");
  }

  @Test
  void aDocuEngineTokenAloneAlsoRequiresApiKeyHashes() {
    assertThat(problems(Map.of("SPORTELLO_DOCUENGINE_TOKEN", "d0cu")))
        .containsExactly(
            "SPORTELLO_API_KEY_HASHES: required with an engine's token, so that the API is not"
                + " open to anyone");
  }

  @Test
  void inSandboxModeAPlainApiKeyIsAccepted() {
    assertThat(valid(Map.of("SPORTELLO_API_KEY", "a-plain-key-of-some-length")).sandboxApiKey())
        .contains("a-plain-key-of-some-length");
  }

  @Test
  void malformedApiKeyHashesAreRefused() {
    assertThat(problems(Map.of("SPORTELLO_API_KEY_HASHES", "payroll:" + HASH)))
        .singleElement()
        .asString()
        .startsWith("SPORTELLO_API_KEY_HASHES=payroll:" + HASH + " (environment): must be caller=");
  }

  @Test
  void aDatabaseUserWithoutAUrlIsRefused() {
    assertThat(problems(Map.of("SPORTELLO_JDBC_USER", "app")))
        .containsExactly(
            "SPORTELLO_JDBC_USER and SPORTELLO_JDBC_PASSWORD: need SPORTELLO_JDBC_URL as well");
  }

  @Test
  void theBodyLimitMustHoldTheLargestFileInBase64() {
    assertThat(problems(Map.of("SPORTELLO_MAX_FILE_SIZE", "30MB")))
        .containsExactly(
            "SPORTELLO_MAX_BODY_SIZE: must be at least 4/3 of SPORTELLO_MAX_FILE_SIZE, since files"
                + " travel inside the body in base64");
  }

  @Test
  void durationsAndSizesTakeUnitsAndIsoForms() {
    Config config =
        valid(
            Map.of(
                "SPORTELLO_SYNC_INTERVAL", "PT1M30S",
                "SPORTELLO_CATALOG_TTL", "0s",
                "SPORTELLO_RETENTION", "30d",
                "SPORTELLO_MAX_FILE_SIZE", "512KB",
                "SPORTELLO_MAX_BODY_SIZE", "1048576"));

    assertThat(config.syncInterval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.catalogTtl()).isZero();
    assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(config.maxFileBytes()).isEqualTo(512 * 1024);
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void aPublicUrlMustBeAnHttpAddress() {
    assertThat(problems(Map.of("SPORTELLO_PUBLIC_URL", "ftp://example.com")))
        .containsExactly(
            "SPORTELLO_PUBLIC_URL=ftp://example.com (environment): must be an http or https URL"
                + " such as https://sportello.example.com");
    assertThat(valid(Map.of("SPORTELLO_PUBLIC_URL", "https://sportello.example.com")).publicUrl())
        .contains(URI.create("https://sportello.example.com"));
  }

  @Test
  void theConsoleOriginIsASchemeAndAHostAlone() {
    assertThat(problems(Map.of("SPORTELLO_CONSOLE_ORIGIN", "https://console.example.com/app")))
        .containsExactly(
            "SPORTELLO_CONSOLE_ORIGIN=https://console.example.com/app (environment): must be an"
                + " origin, a scheme and a host, such as https://console.example.com");
    assertThat(
            valid(Map.of("SPORTELLO_CONSOLE_ORIGIN", "https://console.example.com"))
                .consoleOrigin())
        .contains(URI.create("https://console.example.com"));
  }

  @Test
  void emptyValuesCountAsUnset() {
    assertThat(
            valid(
                    Map.of(
                        "SPORTELLO_HTTP_PORT", "",
                        "SPORTELLO_VISENGINE_TOKEN", " ",
                        "SPORTELLO_DOCUENGINE_TOKEN", ""))
                .httpPort())
        .isEqualTo(8080);
  }

  private static final Map<String, String> ACCOUNT =
      Map.of(
          "SPORTELLO_OPENAPI_EMAIL", "ops@example.com",
          "SPORTELLO_OPENAPI_API_KEY", "k3y-from-the-console",
          "SPORTELLO_API_KEY_HASHES", "ops=" + HASH);

  private static Map<String, String> withAccount(String... pairs) {
    java.util.Map<String, String> environment = new java.util.HashMap<>(ACCOUNT);
    for (int i = 0; i < pairs.length; i += 2) {
      environment.put(pairs[i], pairs[i + 1]);
    }
    return environment;
  }

  @Test
  void anAccountAloneUsesBothEnginesOnTheTestHostsWithATokenItMints() {
    Config config = valid(ACCOUNT);

    assertThat(config.upstream())
        .isEqualTo(
            new Config.Upstream.Openapi(
                TreeMap.of(
                    OpenapiEngine.VISENGINE,
                    new Config.EngineAccess(VisengineSettings.TEST, Option.none()),
                    OpenapiEngine.DOCUENGINE,
                    new Config.EngineAccess(DocuEngineSettings.TEST, Option.none())),
                Option.some(
                    new Config.Account(
                        URI.create("https://test.oauth.openapi.com"),
                        true,
                        "ops@example.com",
                        "k3y-from-the-console"))));
    assertThat(config.sandboxMode()).isFalse();
  }

  @Test
  void theProductionOAuthServiceMeansTheEnginesProductionHostsAndScopes() {
    Config config = valid(withAccount("SPORTELLO_OAUTH_URL", "production"));

    Config.Upstream.Openapi openapi = (Config.Upstream.Openapi) config.upstream();
    assertThat(openapi.account().map(Config.Account::testEnvironment)).containsExactly(false);
    assertThat(openapi.account().map(Config.Account::oauthUrl))
        .containsExactly(URI.create("https://oauth.openapi.com"));
    assertThat(engineHost(config, OpenapiEngine.VISENGINE))
        .containsExactly(VisengineSettings.PRODUCTION);
    assertThat(engineHost(config, OpenapiEngine.DOCUENGINE))
        .containsExactly(DocuEngineSettings.PRODUCTION);
  }

  @Test
  void withAnAccountSettingOneEnginesUrlUsesThatEngineOnly() {
    Config config = valid(withAccount("SPORTELLO_DOCUENGINE_URL", "http://127.0.0.1:9000"));

    assertThat(engineHost(config, OpenapiEngine.VISENGINE)).isEmpty();
    assertThat(engineHost(config, OpenapiEngine.DOCUENGINE))
        .containsExactly(URI.create("http://127.0.0.1:9000"));
  }

  @Test
  void aTokenMintedByHandWinsOverTheAccountForItsEngine() {
    Config config = valid(withAccount("SPORTELLO_VISENGINE_TOKEN", "t0ken"));

    Config.Upstream.Openapi openapi = (Config.Upstream.Openapi) config.upstream();
    assertThat(openapi.engines().get(OpenapiEngine.VISENGINE).flatMap(Config.EngineAccess::token))
        .containsExactly("t0ken");
    assertThat(openapi.engines().get(OpenapiEngine.DOCUENGINE).map(Config.EngineAccess::token))
        .containsExactly(Option.none());
  }

  @Test
  void anEmailWithoutItsApiKeyIsRefused() {
    assertThat(
            problems(
                Map.of(
                    "SPORTELLO_OPENAPI_EMAIL",
                    "ops@example.com",
                    "SPORTELLO_API_KEY_HASHES",
                    "ops=" + HASH)))
        .contains(
            "SPORTELLO_OPENAPI_EMAIL and SPORTELLO_OPENAPI_API_KEY: set both (the account's"
                + " e-mail and its API key) or neither");
  }

  @Test
  void anOAuthUrlWithoutTheAccountIsRefused() {
    assertThat(problems(Map.of("SPORTELLO_OAUTH_URL", "production")))
        .containsExactly(
            "SPORTELLO_OAUTH_URL: needs SPORTELLO_OPENAPI_EMAIL and SPORTELLO_OPENAPI_API_KEY,"
                + " the account whose token it mints");
  }

  @Test
  void aTestEngineHostWithTheProductionOAuthServiceIsRefused() {
    assertThat(
            problems(
                withAccount(
                    "SPORTELLO_OAUTH_URL", "production", "SPORTELLO_VISENGINE_URL", "test")))
        .containsExactly(
            "SPORTELLO_VISENGINE_URL: the token minted on the production OAuth service does not"
                + " open Visengine's test host; set SPORTELLO_OAUTH_URL to match");
  }

  @Test
  void neitherTheAccountsEmailNorItsApiKeyIsEverPrinted() {
    List<String> problems =
        problems(
            Map.of(
                "SPORTELLO_OPENAPI_EMAIL", "not-an-address",
                "SPORTELLO_OPENAPI_API_KEY", "short-k3y",
                "SPORTELLO_API_KEY_HASHES", "ops=" + HASH));

    assertThat(problems).hasSize(2);
    assertThat(problems.mkString()).doesNotContain("not-an-address").doesNotContain("short-k3y");
  }

  @Test
  void theMintedTokensNameLifetimeAndRenewalMarginHaveDefaults() {
    Config config = valid(ACCOUNT);

    assertThat(config.tokenPolicy())
        .isEqualTo(new Config.TokenPolicy("Sportello", Duration.ofDays(30), Duration.ofDays(1)));
    assertThat(config.walletWarning()).isEmpty();
  }

  @Test
  void aRenewalMarginAsLongAsTheLifetimeIsRefused() {
    assertThat(
            problems(
                withAccount("SPORTELLO_TOKEN_TTL", "2d", "SPORTELLO_TOKEN_RENEW_MARGIN", "2d")))
        .containsExactly(
            "SPORTELLO_TOKEN_RENEW_MARGIN: must be shorter than SPORTELLO_TOKEN_TTL, or every token"
                + " would be replaced as soon as it is minted");
  }

  @Test
  void aTokenLifetimeBeyondAYearIsRefused() {
    assertThat(problems(withAccount("SPORTELLO_TOKEN_TTL", "366d")))
        .containsExactly("SPORTELLO_TOKEN_TTL=366d (environment): must be at most 365d");
  }

  @Test
  void theWalletWarningIsAnAmountOfEuros() {
    assertThat(valid(withAccount("SPORTELLO_WALLET_WARNING", "25.5")).walletWarning())
        .containsExactly(new java.math.BigDecimal("25.50"));
    assertThat(problems(withAccount("SPORTELLO_WALLET_WARNING", "-3")))
        .containsExactly(
            "SPORTELLO_WALLET_WARNING=-3 (environment): must be an amount of euros such as 25 or"
                + " 12.50");
  }

  @Test
  void openapisProductionOAuthServiceWrittenOutIsProductionToo() {
    Config config = valid(withAccount("SPORTELLO_OAUTH_URL", "https://oauth.openapi.com/"));

    Config.Upstream.Openapi openapi = (Config.Upstream.Openapi) config.upstream();
    assertThat(openapi.account().map(Config.Account::testEnvironment)).containsExactly(false);
    assertThat(engineHost(config, OpenapiEngine.DOCUENGINE))
        .containsExactly(DocuEngineSettings.PRODUCTION);
  }

  @Test
  void anOAuthServiceOfItsOwnNeedsTheEnginesAddressesAsWell() {
    assertThat(problems(withAccount("SPORTELLO_OAUTH_URL", "http://127.0.0.1:9000")))
        .containsExactly(
            "SPORTELLO_OAUTH_URL: an address of its own needs the engines' addresses as well"
                + " (SPORTELLO_VISENGINE_URL, SPORTELLO_DOCUENGINE_URL), or its token would be sent"
                + " to Openapi's test hosts");
  }

  @Test
  void anEmailOrApiKeyBeyondPrintableAsciiIsRefusedAtStartRatherThanWhenWired() {
    assertThat(
            problems(
                withAccount(
                    "SPORTELLO_OPENAPI_EMAIL", "paga@università.it",
                    "SPORTELLO_OPENAPI_API_KEY", "k3y-with-an-è-inside-it")))
        .containsExactly(
            "SPORTELLO_OPENAPI_EMAIL (environment): must be the account's e-mail address",
            "SPORTELLO_OPENAPI_API_KEY (environment): must be printable ASCII, as the console"
                + " shows it");
  }
}
