package dev.sportello.bootstrap;

import dev.sportello.adapter.account.AccountSettings;
import dev.sportello.domain.spending.SpendingCaps;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the configuration from {@code SPORTELLO_*} environment variables and an optional properties
 * file, the environment winning over the file and the file over the defaults. Every problem is
 * reported, one line each, and none repeats a secret.
 */
final class ConfigLoader {
  private static final int MIN_PLAIN_KEY = 16;
  private static final int MIN_WEBHOOK_SECRET = 32;
  private static final Duration LONGEST_TOKEN_TTL = Duration.ofDays(365);
  private static final Pattern LINK_NAME =
      Pattern.compile(
          "SPORTELLO_(?:[A-Z0-9_]+_)?(?:SERVICE_HOST|SERVICE_PORT(?:_[A-Z0-9_]+)?"
              + "|PORT_[0-9]+_(?:TCP|UDP|SCTP)(?:_(?:PROTO|PORT|ADDR))?|ENV_[A-Za-z0-9_]+)");
  private static final Pattern LINK_ADDRESS = Pattern.compile("(?:tcp|udp|sctp)://");

  private ConfigLoader() {}

  /**
   * @param environment the process environment
   * @param file the properties file named on the command line, which wins over {@code
   *     SPORTELLO_CONFIG}
   */
  static Validation<List<String>, Config> load(
      java.util.Map<String, String> environment, Option<Path> file) {
    Option<Path> chosen =
        file.orElse(() ->
            Option.of(environment.get(Setting.CONFIG_FILE_VARIABLE))
                .filter(name -> !name.isBlank())
                .map(Path::of));
    Validation<String, Map<String, String>> fileValues =
        chosen.map(ConfigLoader::readFile).getOrElse(Validation.valid(HashMap.empty()));
    if (fileValues.isInvalid()) {
      return Validation.invalid(List.of(fileValues.getError()));
    }
    String origin = chosen.map(path -> "in " + path).getOrElse("");
    Sources sources = new Sources(environment, fileValues.get(), origin);
    List<String> properties = List.of(Setting.values()).map(Setting::property);
    List<String> unknownKeys =
        unknown(
            fileValues.get().keySet().toList(),
            properties,
            "(" + origin + ")",
            "not a Sportello setting");
    sources.problems = sources.problems.appendAll(unknownKeys);
    return read(sources);
  }

  /**
   * A line for each {@code SPORTELLO_*} variable that is no setting, naming the nearest one: a
   * variable spelt wrong can leave the service in sandbox mode or on another port, so it is worth a
   * warning, but it does not stop the service, since others set variables of that prefix too
   * (Kubernetes' service links for a Service named sportello, Docker's links, a Spring
   * application's relaxed binding). The shapes of those links are not warned about.
   */
  static List<String> unknownVariables(java.util.Map<String, String> environment) {
    List<String> variables =
        List.of(Setting.values()).map(Setting::variable).appendAll(Setting.OTHER_VARIABLES);
    return unknown(
        List.ofAll(environment.entrySet())
            .filter(variable -> variable.getKey().startsWith(Setting.ENV_PREFIX))
            .filter(variable -> !isLink(variable.getKey(), variable.getValue()))
            .map(java.util.Map.Entry::getKey),
        variables,
        "(environment)",
        "not a Sportello setting, ignored");
  }

  /**
   * A variable Kubernetes sets for a Service ({@code SPORTELLO_SERVICE_HOST}, {@code
   * SPORTELLO_SERVICE_PORT_HTTP}, {@code SPORTELLO_PORT=tcp://…}, {@code
   * SPORTELLO_PORT_8080_TCP_ADDR}) or Docker for a link ({@code SPORTELLO_NAME=/web/sportello},
   * {@code SPORTELLO_ENV_…}); a bare {@code …_PORT} counts only with a link's value, so that a
   * misspelt port setting is still warned about.
   */
  private static boolean isLink(String name, String value) {
    return LINK_NAME.matcher(name).matches()
        || (name.endsWith("_PORT") && LINK_ADDRESS.matcher(value).lookingAt())
        || (name.endsWith("_NAME") && value.startsWith("/"));
  }

  /** A line for each name that is not known, suggesting the known one nearest to it. */
  private static List<String> unknown(
      List<String> names, List<String> known, String where, String verdict) {
    return names
        .filter(name -> !known.contains(name))
        .sorted()
        .map(name ->
            name
                + " "
                + where
                + ": "
                + verdict
                + nearest(name, known).map(near -> "; did you mean " + near + "?").getOrElse(""));
  }

  /** The known name a few edits away from the name, when there is one. */
  private static Option<String> nearest(String name, List<String> known) {
    int tolerance = Math.max(2, name.length() / 5);
    return known
        .map(candidate -> Tuple.of(candidate, Values.editDistance(name, candidate)))
        .filter(scored -> scored._2 <= tolerance)
        .minBy(scored -> scored._2)
        .map(scored -> scored._1);
  }

  private static Validation<List<String>, Config> read(Sources in) {
    String httpHost = in.get(Setting.HTTP_HOST, Validation::valid, "localhost");
    int httpPort = in.get(Setting.HTTP_PORT, text -> Values.integer(text, 0, 65_535), 0);
    Path dataDir = in.get(Setting.DATA_DIR, Values::path, Path.of("."));
    Map<String, String> apiKeys =
        in.optional(Setting.API_KEY_HASHES, Values::apiKeyHashes).getOrElse(HashMap.empty());
    Option<String> plainKey =
        in.optional(Setting.API_KEY, text -> Values.text(text, MIN_PLAIN_KEY));
    Config.Upstream upstream = upstream(in);
    Config.Database database = database(in);
    int poolSize = in.get(Setting.DB_POOL_SIZE, text -> Values.integer(text, 1, 200), 1);
    Option<URI> publicUrl = in.optional(Setting.PUBLIC_URL, Values::httpUrl);
    Option<URI> consoleOrigin = in.optional(Setting.CONSOLE_ORIGIN, Values::origin);
    Option<String> secret =
        in.optional(Setting.WEBHOOK_SECRET, text -> Values.text(text, MIN_WEBHOOK_SECRET));
    Option<String> dataKey = in.optional(Setting.DATA_KEY, Validation::valid);
    Duration syncInterval =
        in.get(
            Setting.SYNC_INTERVAL,
            text -> Values.duration(text, Duration.ofSeconds(1), "1s"),
            Duration.ofSeconds(1));
    Duration catalogTtl = in.get(Setting.CATALOG_TTL, Values::duration, Duration.ZERO);
    Duration retention =
        in.get(
            Setting.RETENTION,
            text -> Values.duration(text, Duration.ofHours(1), "1h"),
            Duration.ofHours(1));
    SpendingCaps spendingCaps =
        in.optional(
                Setting.SPENDING_CAPS,
                text -> SpendingCaps.parse(text).mapError(problems -> problems.mkString("; ")))
            .getOrElse(SpendingCaps.none());
    long maxFile = in.get(Setting.MAX_FILE_SIZE, text -> Values.size(text, 1, "1 byte"), 1L);
    long maxBody = in.get(Setting.MAX_BODY_SIZE, text -> Values.size(text, 1024, "1KB"), 1024L);
    Config.LogFormat logFormat =
        in.get(
            Setting.LOG_FORMAT,
            text -> Values.oneOf(text, List.of("TEXT", "JSON")).map(Config.LogFormat::valueOf),
            Config.LogFormat.TEXT);
    String logLevel =
        in.get(
            Setting.LOG_LEVEL,
            text -> Values.oneOf(text, List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR")),
            "INFO");

    Config.TokenPolicy tokenPolicy = tokenPolicy(in);
    Option<BigDecimal> walletWarning = in.optional(Setting.WALLET_WARNING, Values::euros);

    boolean sandbox = upstream instanceof Config.Upstream.Sandbox;
    if (!sandbox && plainKey.isDefined()) {
      in.problem(
          Setting.API_KEY.variable()
              + ": a plain key is accepted in sandbox mode only; configure "
              + Setting.API_KEY_HASHES.variable()
              + " (see `sportello keys create`)");
    }
    if (!sandbox && !in.isSet(Setting.API_KEY_HASHES)) {
      in.problem(
          Setting.API_KEY_HASHES.variable()
              + ": required with an engine's token, so that the API is not open to anyone");
    }
    if (maxBody < maxFile + maxFile / 3) {
      in.problem(
          Setting.MAX_BODY_SIZE.variable()
              + ": must be at least 4/3 of "
              + Setting.MAX_FILE_SIZE.variable()
              + ", since files travel inside the body in base64");
    }
    if (!in.problems.isEmpty()) {
      return Validation.invalid(in.problems);
    }
    return Validation.valid(
        new Config(
            httpHost.strip(),
            httpPort,
            dataDir,
            apiKeys,
            plainKey,
            upstream,
            database,
            poolSize,
            publicUrl,
            consoleOrigin,
            secret,
            dataKey,
            syncInterval,
            catalogTtl,
            retention,
            maxFile,
            maxBody,
            tokenPolicy,
            walletWarning,
            logFormat,
            logLevel,
            spendingCaps));
  }

  /**
   * The engines given a token or, with the Openapi account, those whose URL is set (both when
   * neither is); with neither tokens nor an account, the embedded sandbox, which plays both. A URL
   * that would be silently ignored is refused rather than leaving its engine out or running the
   * sandbox.
   */
  private static Config.Upstream upstream(Sources in) {
    Option<Config.Account> account = account(in);
    boolean anyUrl = List.of(OpenapiEngine.values()).exists(engine -> in.isSet(engine.url()));
    SortedMap<OpenapiEngine, Config.EngineAccess> engines =
        TreeMap.ofEntries(
            List.of(OpenapiEngine.values())
                .flatMap(engine ->
                    engine(in, engine, account, anyUrl).map(access -> Tuple.of(engine, access))));
    Duration stepDelay = in.get(Setting.SANDBOX_STEP_DELAY, Values::duration, Duration.ZERO);
    int sandboxPort = in.get(Setting.SANDBOX_PORT, text -> Values.integer(text, 0, 65_535), 0);
    if (engines.isEmpty()) {
      return new Config.Upstream.Sandbox(sandboxPort, stepDelay);
    }
    return new Config.Upstream.Openapi(engines, account);
  }

  private static Config.TokenPolicy tokenPolicy(Sources in) {
    String name = in.get(Setting.TOKEN_NAME, text -> Values.printable(text, 100), "Sportello");
    Duration ttl =
        in.get(
            Setting.TOKEN_TTL,
            text ->
                Values.duration(text, Duration.ofHours(1), "1h")
                    .flatMap(duration ->
                        duration.compareTo(LONGEST_TOKEN_TTL) <= 0
                            ? Validation.valid(duration)
                            : Validation.invalid("must be at most 365d")),
            LONGEST_TOKEN_TTL);
    Duration margin =
        in.get(
            Setting.TOKEN_RENEW_MARGIN,
            text -> Values.duration(text, Duration.ofMinutes(1), "1m"),
            Duration.ofMinutes(1));
    if (margin.compareTo(ttl) >= 0) {
      in.problem(
          Setting.TOKEN_RENEW_MARGIN.variable()
              + ": must be shorter than "
              + Setting.TOKEN_TTL.variable()
              + ", or every token would be replaced as soon as it is minted");
    }
    return new Config.TokenPolicy(name, ttl, margin);
  }

  /** The account when both its e-mail and its API key are set. */
  private static Option<Config.Account> account(Sources in) {
    Option<String> email = in.optional(Setting.OPENAPI_EMAIL, ConfigLoader::email);
    Option<String> apiKey =
        in.optional(
            Setting.OPENAPI_API_KEY,
            text ->
                Values.text(text, MIN_PLAIN_KEY)
                    .flatMap(key ->
                        Values.printable(key, 1_000)
                            .mapError(
                                ignored -> "must be printable ASCII, as the console shows it")));
    URI oauthUrl =
        in.get(
            Setting.OAUTH_URL,
            text -> environmentUrl(text, AccountSettings.TEST, AccountSettings.PRODUCTION),
            AccountSettings.TEST);
    // Openapi's production service, named or written out, is the one environment whose scopes
    // name the production hosts; any other address plays the test environment.
    boolean production = sameService(oauthUrl, AccountSettings.PRODUCTION);
    boolean emailSet = in.isSet(Setting.OPENAPI_EMAIL);
    boolean keySet = in.isSet(Setting.OPENAPI_API_KEY);
    if (emailSet != keySet) {
      in.problem(
          Setting.OPENAPI_EMAIL.variable()
              + " and "
              + Setting.OPENAPI_API_KEY.variable()
              + ": set both (the account's e-mail and its API key) or neither");
    }
    if (in.isSet(Setting.OAUTH_URL) && !emailSet && !keySet) {
      in.problem(
          Setting.OAUTH_URL.variable()
              + ": needs "
              + Setting.OPENAPI_EMAIL.variable()
              + " and "
              + Setting.OPENAPI_API_KEY.variable()
              + ", the account whose token it mints");
    }
    boolean anyEngineUrl = List.of(OpenapiEngine.values()).exists(engine -> in.isSet(engine.url()));
    if (emailSet
        && keySet
        && !sameService(oauthUrl, AccountSettings.TEST)
        && !production
        && !anyEngineUrl) {
      in.problem(
          Setting.OAUTH_URL.variable()
              + ": an address of its own needs the engines' addresses as well ("
              + Setting.VISENGINE_URL.variable()
              + ", "
              + Setting.DOCUENGINE_URL.variable()
              + "), or its token would be sent to Openapi's test hosts");
    }
    return email.flatMap(address ->
        apiKey.map(key -> new Config.Account(oauthUrl, !production, address.strip(), key.strip())));
  }

  private static Option<Config.EngineAccess> engine(
      Sources in, OpenapiEngine engine, Option<Config.Account> account, boolean anyUrl) {
    Option<String> token = in.optional(engine.token(), Validation::valid);
    URI defaultHost =
        account.exists(given -> !given.testEnvironment())
            ? engine.productionHost()
            : engine.testHost();
    URI url =
        in.optional(
                engine.url(),
                text -> environmentUrl(text, engine.testHost(), engine.productionHost()))
            .getOrElse(defaultHost);
    boolean urlSet = in.isSet(engine.url());
    boolean usedWithAccount = account.isDefined() && (urlSet || !anyUrl);
    if (token.isEmpty() && urlSet && account.isEmpty()) {
      in.problem(
          engine.url().variable()
              + ": needs "
              + engine.token().variable()
              + " or the Openapi account ("
              + Setting.OPENAPI_EMAIL.variable()
              + ", "
              + Setting.OPENAPI_API_KEY.variable()
              + ") as well; without either Sportello does not use "
              + engine.displayName()
              + ", and with neither it runs the embedded sandbox");
    }
    if (token.isEmpty()
        && usedWithAccount
        && (url.equals(engine.testHost()) || url.equals(engine.productionHost()))
        && url.equals(engine.testHost()) != account.get().testEnvironment()) {
      in.problem(
          engine.url().variable()
              + ": the token minted on "
              + (account.get().testEnvironment() ? "the test" : "the production")
              + " OAuth service does not open "
              + engine.displayName()
              + "'s "
              + (account.get().testEnvironment() ? "production" : "test")
              + " host; set "
              + Setting.OAUTH_URL.variable()
              + " to match");
    }
    if (token.isDefined()) {
      return Option.some(new Config.EngineAccess(url, token.map(String::strip)));
    }
    return usedWithAccount
        ? Option.some(new Config.EngineAccess(url, Option.none()))
        : Option.none();
  }

  /** The same service: scheme, host and port alike, whatever the path's trailing slash. */
  private static boolean sameService(URI given, URI known) {
    return given.getScheme().equalsIgnoreCase(known.getScheme())
        && given.getHost().equalsIgnoreCase(known.getHost())
        && given.getPort() == known.getPort()
        && given.getPath().replaceAll("/+$", "").isEmpty();
  }

  private static Validation<String, String> email(String text) {
    String address = text.strip();
    int at = address.indexOf('@');
    return at > 0
            && at == address.lastIndexOf('@')
            && at < address.length() - 1
            && !address.contains(":")
            && Values.printable(address, 320).isValid()
        ? Validation.valid(address)
        : Validation.invalid("must be the account's e-mail address");
  }

  private static Config.Database database(Sources in) {
    Option<String> url = in.optional(Setting.JDBC_URL, ConfigLoader::jdbcUrl);
    String user = in.get(Setting.JDBC_USER, Validation::valid, "");
    String password = in.get(Setting.JDBC_PASSWORD, Validation::valid, "");
    if (url.isEmpty() && (in.isSet(Setting.JDBC_USER) || in.isSet(Setting.JDBC_PASSWORD))) {
      in.problem(
          Setting.JDBC_USER.variable()
              + " and "
              + Setting.JDBC_PASSWORD.variable()
              + ": need "
              + Setting.JDBC_URL.variable()
              + " as well");
    }
    return url.<Config.Database>map(jdbc -> new Config.Database.Postgres(jdbc, user, password))
        .getOrElse(new Config.Database.Embedded());
  }

  private static Validation<String, URI> environmentUrl(String text, URI test, URI production) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "test" -> Validation.valid(test);
      case "production" -> Validation.valid(production);
      default ->
          Values.httpUrl(text).mapError(ignored -> "must be test, production or an http(s) URL");
    };
  }

  private static Validation<String, String> jdbcUrl(String text) {
    return text.strip().startsWith("jdbc:postgresql:")
        ? Validation.valid(text.strip())
        : Validation.invalid(
            "must be a jdbc:postgresql: URL (leave it empty for the embedded store)");
  }

  private static Validation<String, Map<String, String>> readFile(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(reader);
      Map<String, String> values = HashMap.empty();
      for (String name : properties.stringPropertyNames()) {
        values = values.put(name.strip(), properties.getProperty(name));
      }
      return Validation.valid(values);
    } catch (NoSuchFileException missing) {
      return Validation.invalid(file + ": no such configuration file");
    } catch (IOException | IllegalArgumentException unreadable) {
      return Validation.invalid(
          file
              + ": cannot be read as a properties file ("
              + unreadable.getClass().getSimpleName()
              + ")");
    }
  }

  private record Raw(String value, String origin) {}

  /** The values by precedence, and the problems found so far. */
  private static final class Sources {
    private final java.util.Map<String, String> environment;
    private final Map<String, String> file;
    private final String fileOrigin;
    private List<String> problems = List.empty();

    Sources(
        java.util.Map<String, String> environment, Map<String, String> file, String fileOrigin) {
      this.environment = environment;
      this.file = file;
      this.fileOrigin = fileOrigin;
    }

    /** The value set for the setting, with where it was set; empty values count as unset. */
    private Option<Raw> raw(Setting setting) {
      String fromEnvironment = environment.get(setting.variable());
      if (fromEnvironment != null && !fromEnvironment.isBlank()) {
        return Option.some(new Raw(fromEnvironment, "environment"));
      }
      return file.get(setting.property())
          .filter(value -> !value.isBlank())
          .map(value -> new Raw(value, fileOrigin));
    }

    boolean isSet(Setting setting) {
      return raw(setting).isDefined();
    }

    /** The parsed value, or the default's; a value that does not parse is a problem. */
    <T> T get(Setting setting, Function<String, Validation<String, T>> parser, T fallback) {
      String text = raw(setting).map(Raw::value).getOrElse(setting.defaultValue());
      return parse(setting, text, parser).getOrElse(fallback);
    }

    /** The parsed value when one is set. */
    <T> Option<T> optional(Setting setting, Function<String, Validation<String, T>> parser) {
      return raw(setting).flatMap(set -> parse(setting, set.value(), parser));
    }

    private <T> Option<T> parse(
        Setting setting, String text, Function<String, Validation<String, T>> parser) {
      Validation<String, T> parsed = parser.apply(text);
      if (parsed.isInvalid()) {
        String where = raw(setting).map(set -> " (" + set.origin() + ")").getOrElse(" (default)");
        String shown = setting.secret() ? "" : "=" + text.strip();
        problems = problems.append(setting.variable() + shown + where + ": " + parsed.getError());
      }
      return parsed.toOption();
    }

    void problem(String line) {
      problems = problems.append(line);
    }
  }
}
