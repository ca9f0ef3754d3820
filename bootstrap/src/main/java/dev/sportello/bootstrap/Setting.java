package dev.sportello.bootstrap;

import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import java.util.Locale;

/**
 * Every configuration key, with its default and what it means. An environment variable {@code
 * SPORTELLO_HTTP_PORT} is written {@code http.port} in a properties file; the environment wins over
 * the file, and the file over the default.
 */
enum Setting {
  HTTP_HOST("localhost", "the interface the REST API listens on; 0.0.0.0 for every interface"),
  HTTP_PORT("8080", "the REST API's port"),
  DATA_DIR(
      "./data",
      "where the embedded database, the documents, the data key and the webhook secret are kept"),
  API_KEY("", "sandbox mode only: a plain API key accepted instead of a generated one"),
  API_KEY_HASHES(
      "",
      "who may call the API: caller=sha256hex pairs, comma-separated (see `sportello keys"
          + " create`); required outside sandbox mode"),
  OPENAPI_EMAIL(
      "",
      "the e-mail of the Openapi account; with its API key, Sportello mints, renews and"
          + " replaces the engines' token itself, and setting it leaves sandbox mode"),
  OPENAPI_API_KEY("", "the Openapi account's API key, as the Openapi console shows it"),
  OAUTH_URL(
      "test",
      "Openapi's OAuth service, which mints the token: test, production or a URL; the scopes"
          + " asked for name the test hosts unless it is production"),
  TOKEN_NAME("Sportello", "the name of the token Sportello mints, as the Openapi console shows it"),
  TOKEN_TTL("30d", "how long a token Sportello mints lasts (at most 365d)"),
  TOKEN_RENEW_MARGIN("1d", "how long before its expiry a minted token is replaced"),
  WALLET_WARNING("", "a balance in euros below which a warning is logged once; empty: no warning"),
  VISENGINE_URL(
      "test",
      "Openapi's Visengine host: test, production or a URL; used with a token or an account"),
  VISENGINE_TOKEN(
      "",
      "a Visengine bearer token minted by hand; it wins over the account's, and setting it"
          + " leaves sandbox mode"),
  DOCUENGINE_URL(
      "test",
      "Openapi's DocuEngine host: test, production or a URL; used with a token or an account"),
  DOCUENGINE_TOKEN(
      "",
      "a DocuEngine bearer token minted by hand; it wins over the account's, and setting it"
          + " leaves sandbox mode"),
  SANDBOX_PORT("0", "sandbox mode: the embedded sandbox's loopback port; 0 picks a free one"),
  SANDBOX_STEP_DELAY("3s", "sandbox mode: how long each of the sandbox operators' steps takes"),
  JDBC_URL(
      "", "a jdbc:postgresql: URL; empty keeps the embedded SQLite database under the data dir"),
  JDBC_USER("", "the database user"),
  JDBC_PASSWORD("", "the database password"),
  DB_POOL_SIZE("10", "the most database connections kept open"),
  PUBLIC_URL(
      "",
      "the address at which the engines reach this service's webhooks (such as"
          + " https://sportello.example.com); empty: no webhooks outside sandbox mode"),
  CONSOLE_ORIGIN(
      "",
      "the origin browsers open the web console at behind a reverse proxy (such as"
          + " https://console.example.com), which every form of the console must be posted from;"
          + " empty: the address the request was sent to"),
  WEBHOOK_SECRET(
      "",
      "the key that makes webhook URLs unguessable, at least 32 characters; empty: generated"
          + " once and kept in the data dir"),
  DATA_KEY(
      "",
      "the keys that seal personal data at rest, as the data dir's data.key file holds them;"
          + " empty: generated once and kept in the data dir"),
  SYNC_INTERVAL("30s", "how often the sync cycle runs, plus up to a fifth of it at random"),
  CATALOG_TTL("24h", "how long a fetched catalogue or certificate form is used without asking"),
  RETENTION("365d", "how long personal data of a finished request is kept"),
  SPENDING_CAPS(
      "",
      "what each caller may order per day and per month in euros with VAT, such as"
          + " alice=50/day,alice=800/month,*=20/day (* for each caller without its own); empty: no"
          + " caps"),
  MAX_FILE_SIZE("10MB", "the largest file accepted in a file field (decoded)"),
  MAX_BODY_SIZE("25MB", "the largest request body; files travel inside it in base64"),
  LOG_FORMAT("text", "text or json"),
  LOG_LEVEL("INFO", "TRACE, DEBUG, INFO, WARN or ERROR");

  static final String ENV_PREFIX = "SPORTELLO_";

  /** Names the properties file; read from the environment only. */
  static final String CONFIG_FILE_VARIABLE = ENV_PREFIX + "CONFIG";

  /** Where the client commands find a running service; read by them only. */
  static final String SERVICE_URL_VARIABLE = ENV_PREFIX + "URL";

  /**
   * The variables of that prefix that are no setting of the service and still mean something: the
   * file's name, the client commands' address and what the launcher script reads.
   */
  static final Set<String> OTHER_VARIABLES =
      HashSet.of(CONFIG_FILE_VARIABLE, SERVICE_URL_VARIABLE, ENV_PREFIX + "HEAP");

  private final String defaultValue;
  private final String description;

  Setting(String defaultValue, String description) {
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** Such as {@code SPORTELLO_HTTP_PORT}. */
  String variable() {
    return ENV_PREFIX + name();
  }

  /** Such as {@code http.port}. */
  String property() {
    return name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The value when neither the environment nor the file sets one; empty for none. */
  String defaultValue() {
    return defaultValue;
  }

  String description() {
    return description;
  }

  /** Whether its value must never be printed. */
  boolean secret() {
    return this == API_KEY
        || this == OPENAPI_EMAIL
        || this == OPENAPI_API_KEY
        || this == VISENGINE_TOKEN
        || this == DOCUENGINE_TOKEN
        || this == JDBC_PASSWORD
        || this == WEBHOOK_SECRET
        || this == DATA_KEY;
  }
}
