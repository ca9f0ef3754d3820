package dev.sportello.bootstrap;

import dev.sportello.adapter.cli.CliSettings;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for configuration values. Each says in a few words what a value should look like; none
 * repeats the value, which the caller prints only when it is not a secret.
 */
final class Values {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kb|mb|gb)?");
  private static final Pattern CALLER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private Values() {}

  static Validation<String, Integer> integer(String text, int min, int max) {
    try {
      int value = Integer.parseInt(text);
      return value >= min && value <= max
          ? Validation.valid(value)
          : Validation.invalid("must be a whole number from " + min + " to " + max);
    } catch (NumberFormatException notANumber) {
      return Validation.invalid("must be a whole number from " + min + " to " + max);
    }
  }

  /** The text, stripped, when it has at least so many characters. */
  static Validation<String, String> text(String text, int minLength) {
    String stripped = text.strip();
    return stripped.length() >= minLength
        ? Validation.valid(stripped)
        : Validation.invalid("must be at least " + minLength + " characters");
  }

  /**
   * {@code 250ms}, {@code 30s}, {@code 5m}, {@code 24h}, {@code 365d} or ISO-8601 ({@code PT30S}).
   */
  static Validation<String, Duration> duration(String text) {
    String normal = text.strip().toLowerCase(Locale.ROOT);
    Matcher matcher = DURATION.matcher(normal);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return Validation.valid(
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          });
    }
    if (normal.startsWith("p")) {
      try {
        Duration parsed = Duration.parse(normal.toUpperCase(Locale.ROOT));
        return parsed.isNegative()
            ? Validation.invalid("must not be negative")
            : Validation.valid(parsed);
      } catch (DateTimeParseException notIso) {
        // Falls through to the one message for every unreadable duration.
      }
    }
    return Validation.invalid("must be a duration such as 500ms, 30s, 5m, 24h, 365d or PT30S");
  }

  /** A duration of at least {@code min}. */
  static Validation<String, Duration> duration(String text, Duration min, String minText) {
    return duration(text)
        .flatMap(value ->
            value.compareTo(min) >= 0
                ? Validation.valid(value)
                : Validation.invalid("must be at least " + minText));
  }

  /** Bytes: {@code 1048576}, {@code 512KB}, {@code 25MB}, {@code 1GB} (1 KB = 1024 bytes). */
  static Validation<String, Long> size(String text, long min, String minText) {
    Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Validation.invalid("must be a size such as 512KB, 25MB or 1GB");
    }
    String unit = matcher.group(2) == null ? "b" : matcher.group(2);
    int shift =
        switch (unit) {
          case "kb" -> 10;
          case "mb" -> 20;
          case "gb" -> 30;
          default -> 0;
        };
    long bytes = Long.parseLong(matcher.group(1)) << shift;
    return bytes >= min
        ? Validation.valid(bytes)
        : Validation.invalid("must be at least " + minText);
  }

  /** An amount of euros such as {@code 25} or {@code 12.50}: not negative, at most two decimals. */
  static Validation<String, BigDecimal> euros(String text) {
    String message = "must be an amount of euros such as 25 or 12.50";
    try {
      BigDecimal amount = new BigDecimal(text.strip());
      return amount.signum() >= 0 && amount.scale() <= 2 && amount.precision() <= 12
          ? Validation.valid(amount.setScale(2))
          : Validation.invalid(message);
    } catch (NumberFormatException notAnAmount) {
      return Validation.invalid(message);
    }
  }

  /** Printable ASCII of one to so many characters, stripped: what Openapi's headers carry. */
  static Validation<String, String> printable(String text, int maxLength) {
    String stripped = text.strip();
    return !stripped.isEmpty()
            && stripped.length() <= maxLength
            && stripped.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)
        ? Validation.valid(stripped)
        : Validation.invalid("must be 1 to " + maxLength + " printable ASCII characters");
  }

  /** An absolute http or https URL with a host, and neither query nor fragment. */
  static Validation<String, URI> httpUrl(String text) {
    return Validation.fromEither(
        CliSettings.httpUrl(text)
            .toEither("must be an http or https URL such as https://sportello.example.com"));
  }

  /** An http or https URL with nothing after its host and port: what a browser sends as Origin. */
  static Validation<String, URI> origin(String text) {
    String message = "must be an origin, a scheme and a host, such as https://console.example.com";
    return httpUrl(text)
        .mapError(problem -> message)
        .flatMap(uri -> {
          String path = uri.getRawPath();
          boolean bare =
              uri.getRawUserInfo() == null && (path == null || path.isEmpty() || path.equals("/"));
          return bare ? Validation.valid(uri) : Validation.invalid(message);
        });
  }

  static Validation<String, Path> path(String text) {
    try {
      return text.isBlank()
          ? Validation.invalid("must name a directory")
          : Validation.valid(Path.of(text.strip()));
    } catch (InvalidPathException invalid) {
      return Validation.invalid("is not a valid path on this system");
    }
  }

  /** One of the words, ignoring case. */
  static Validation<String, String> oneOf(String text, List<String> words) {
    String normal = text.strip().toUpperCase(Locale.ROOT);
    return words.contains(normal)
        ? Validation.valid(normal)
        : Validation.invalid("must be one of " + words.mkString(", ").toLowerCase(Locale.ROOT));
  }

  /**
   * {@code caller=sha256hex} pairs separated by commas, read into hash → caller as the REST adapter
   * wants them.
   */
  static Validation<String, Map<String, String>> apiKeyHashes(String text) {
    Map<String, String> hashes = HashMap.empty();
    for (String pair : text.split(",", -1)) {
      String[] parts = pair.strip().split("=", -1);
      if (parts.length != 2
          || !CALLER.matcher(parts[0].strip()).matches()
          || !SHA256_HEX.matcher(parts[1].strip()).matches()) {
        return Validation.invalid(
            "must be caller=sha256hex pairs separated by commas, callers of letters, digits,"
                + " '.', '_' or '-' (see `sportello keys create`)");
      }
      hashes = hashes.put(parts[1].strip().toLowerCase(Locale.ROOT), parts[0].strip());
    }
    return Validation.valid(hashes);
  }

  /** How many single-character insertions, deletions or substitutions make one text the other. */
  static int editDistance(String from, String to) {
    int[] previous = new int[to.length() + 1];
    int[] current = new int[to.length() + 1];
    for (int j = 0; j <= to.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= from.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= to.length(); j++) {
        int substitution = from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[to.length()];
  }
}
