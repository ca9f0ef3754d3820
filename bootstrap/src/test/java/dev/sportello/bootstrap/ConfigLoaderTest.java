package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.visengine.VisengineSettings;
import io.vavr.collection.List;
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

  @Test
  void no_configuration_means_the_sandbox_on_localhost_8080_with_h2_under_data() {
    Config config = valid(Map.of());

    assertThat(config.httpHost()).isEqualTo("localhost");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.upstream()).isEqualTo(new Config.Upstream.Sandbox(0, Duration.ofSeconds(3)));
    assertThat(config.database()).isEqualTo(new Config.Database.H2());
    assertThat(config.syncInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.catalogTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(config.retention()).isEqualTo(Duration.ofDays(365));
    assertThat(config.maxFileBytes()).isEqualTo(10L << 20);
    assertThat(config.maxBodyBytes()).isEqualTo(25L << 20);
    assertThat(config.logFormat()).isEqualTo(Config.LogFormat.TEXT);
  }

  @Test
  void a_token_leaves_sandbox_mode_for_openapis_test_host() {
    Config config =
        valid(
            Map.of(
                "SPORTELLO_VISENGINE_TOKEN", "t0ken", "SPORTELLO_API_KEY_HASHES", "ops=" + HASH));

    assertThat(config.upstream())
        .isEqualTo(new Config.Upstream.Visengine(VisengineSettings.TEST, "t0ken"));
    assertThat(config.sandboxMode()).isFalse();
  }

  @Test
  void production_names_openapis_production_host() {
    Config config =
        valid(
            Map.of(
                "SPORTELLO_VISENGINE_TOKEN", "t0ken",
                "SPORTELLO_VISENGINE_URL", "production",
                "SPORTELLO_API_KEY_HASHES", "ops=" + HASH));

    assertThat(((Config.Upstream.Visengine) config.upstream()).baseUrl())
        .isEqualTo(VisengineSettings.PRODUCTION);
  }

  @Test
  void api_key_hashes_map_each_hash_to_its_caller() {
    Config config =
        valid(Map.of("SPORTELLO_API_KEY_HASHES", "payroll=" + HASH + ", hr=" + "B".repeat(64)));

    assertThat(config.apiKeys().toJavaMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of(HASH, "payroll", "b".repeat(64), "hr"));
  }

  @Test
  void the_environment_wins_over_the_file_and_the_file_over_the_defaults() throws IOException {
    Path file = directory.resolve("sportello.properties");
    Files.writeString(file, "http.port=9090\nsync.interval=5m\n");

    Config config =
        ConfigLoader.load(Map.of("SPORTELLO_HTTP_PORT", "7070"), Option.some(file)).get();

    assertThat(config.httpPort()).isEqualTo(7070);
    assertThat(config.syncInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.catalogTtl()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void the_file_can_be_named_by_sportello_config() throws IOException {
    Path file = directory.resolve("other.properties");
    Files.writeString(file, "jdbc.url=jdbc:postgresql://db/sportello\njdbc.user=app\n");

    Config config = valid(Map.of("SPORTELLO_CONFIG", file.toString()));

    assertThat(config.database())
        .isEqualTo(new Config.Database.Postgres("jdbc:postgresql://db/sportello", "app", ""));
  }

  @Test
  void a_missing_file_is_one_problem() {
    List<String> problems =
        ConfigLoader.load(Map.of(), Option.some(directory.resolve("nope.properties"))).getError();

    assertThat(problems)
        .containsExactly(directory.resolve("nope.properties") + ": no such configuration file");
  }

  @Test
  void an_unknown_key_in_the_file_is_a_problem() throws IOException {
    Path file = directory.resolve("sportello.properties");
    Files.writeString(file, "http.prot=9090\n");

    List<String> problems = ConfigLoader.load(Map.of(), Option.some(file)).getError();

    assertThat(problems).containsExactly("http.prot (in " + file + "): not a Sportello setting");
  }

  @Test
  void every_problem_is_reported_on_its_own_line() {
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
                + " (leave it empty for H2)");
  }

  @Test
  void a_problem_with_a_secret_never_shows_the_secret() {
    List<String> problems = problems(Map.of("SPORTELLO_WEBHOOK_SECRET", "short-secret"));

    assertThat(problems)
        .containsExactly("SPORTELLO_WEBHOOK_SECRET (environment): must be at least 32 characters");
  }

  @Test
  void a_given_data_key_is_used_for_the_store_and_never_printed() {
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
  void without_a_data_key_the_store_keeps_one_in_the_data_dir() {
    assertThat(Stores.settings(valid(Map.of()), directory).dataKey())
        .isEqualTo(
            new dev.sportello.adapter.persistence.PersistenceSettings.DataKey.KeptIn(
                directory.toAbsolutePath().normalize().resolve("data.key")));
  }

  @Test
  void a_url_without_a_token_is_refused_rather_than_silently_using_the_sandbox() {
    assertThat(problems(Map.of("SPORTELLO_VISENGINE_URL", "production")))
        .containsExactly(
            "SPORTELLO_VISENGINE_URL: needs SPORTELLO_VISENGINE_TOKEN as well; without a token"
                + " Sportello runs the embedded sandbox");
  }

  @Test
  void outside_sandbox_mode_api_key_hashes_are_required_and_a_plain_key_is_refused() {
    assertThat(
            problems(
                Map.of(
                    "SPORTELLO_VISENGINE_TOKEN", "t0ken",
                    "SPORTELLO_API_KEY", "a-plain-key-of-some-length")))
        .containsExactly(
            "SPORTELLO_API_KEY: a plain key is accepted in sandbox mode only; configure"
                + " SPORTELLO_API_KEY_HASHES (see `sportello keys create`)",
            "SPORTELLO_API_KEY_HASHES: required with a Visengine token, so that the API is not"
                + " open to anyone");
  }

  @Test
  void in_sandbox_mode_a_plain_api_key_is_accepted() {
    assertThat(valid(Map.of("SPORTELLO_API_KEY", "a-plain-key-of-some-length")).sandboxApiKey())
        .contains("a-plain-key-of-some-length");
  }

  @Test
  void malformed_api_key_hashes_are_refused() {
    assertThat(problems(Map.of("SPORTELLO_API_KEY_HASHES", "payroll:" + HASH)))
        .singleElement()
        .asString()
        .startsWith("SPORTELLO_API_KEY_HASHES=payroll:" + HASH + " (environment): must be caller=");
  }

  @Test
  void a_database_user_without_a_url_is_refused() {
    assertThat(problems(Map.of("SPORTELLO_JDBC_USER", "app")))
        .containsExactly(
            "SPORTELLO_JDBC_USER and SPORTELLO_JDBC_PASSWORD: need SPORTELLO_JDBC_URL as well");
  }

  @Test
  void the_body_limit_must_hold_the_largest_file_in_base64() {
    assertThat(problems(Map.of("SPORTELLO_MAX_FILE_SIZE", "30MB")))
        .containsExactly(
            "SPORTELLO_MAX_BODY_SIZE: must be at least 4/3 of SPORTELLO_MAX_FILE_SIZE, since files"
                + " travel inside the body in base64");
  }

  @Test
  void durations_and_sizes_take_units_and_iso_forms() {
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
  void a_public_url_must_be_an_http_address() {
    assertThat(problems(Map.of("SPORTELLO_PUBLIC_URL", "ftp://example.com")))
        .containsExactly(
            "SPORTELLO_PUBLIC_URL=ftp://example.com (environment): must be an http or https URL"
                + " such as https://sportello.example.com");
    assertThat(valid(Map.of("SPORTELLO_PUBLIC_URL", "https://sportello.example.com")).publicUrl())
        .contains(URI.create("https://sportello.example.com"));
  }

  @Test
  void empty_values_count_as_unset() {
    assertThat(
            valid(Map.of("SPORTELLO_HTTP_PORT", "", "SPORTELLO_VISENGINE_TOKEN", " ")).httpPort())
        .isEqualTo(8080);
  }
}
