package dev.sportello.adapter.rest;

import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.domain.shared.Violation;
import io.javalin.http.Context;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Request bodies: read within the size limit, checked to be JSON, and bound strictly. Every problem
 * becomes a 4xx problem; nothing of the body ever reaches a message.
 */
final class Bodies {
  /** No published form has more than a few dozen fields; anything far past that is refused. */
  static final int MAX_VALUES = 200;

  /** No published certificate offers more than a handful of extras. */
  static final int MAX_EXTRAS = 50;

  private final long maxBytes;

  Bodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** {@code POST /certificates/{id}/validation}. */
  record ValidationBody(
      @Nullable Map<String, @Nullable String> values,
      java.util.@Nullable List<@Nullable String> extras,
      @Nullable String reference,
      @Nullable String notifyEmail) {}

  /** {@code POST /requests}. */
  record SubmissionBody(
      @Nullable String certificateId,
      @Nullable Map<String, @Nullable String> values,
      java.util.@Nullable List<@Nullable String> extras,
      @Nullable String reference,
      @Nullable String notifyEmail) {}

  /** {@code POST /requests/{id}/searches}. */
  record SearchBody(@Nullable Map<String, @Nullable String> values) {}

  /** {@code POST /requests/{id}/selection}. */
  record SelectionBody(@Nullable String searchId, @Nullable Integer index) {}

  /** {@code POST /requests/{id}/cancellation}. */
  record CancellationBody(@Nullable String reason) {}

  /** {@code PUT /webhook-endpoint}. */
  record EndpointBody(@Nullable String url) {}

  /** Reads and binds a JSON body, or throws the problem that explains why it cannot. */
  <T> T read(Context ctx, Class<T> type) {
    requireJson(ctx);
    byte[] bytes = bytes(ctx);
    if (bytes.length == 0) {
      throw Problem.invalid("body", "missing_body", "a JSON object is required").raise();
    }
    requireCountsWithinCaps(bytes);
    try {
      T bound = Json.MAPPER.readValue(bytes, type);
      if (bound == null) {
        throw Problem.invalid("body", "missing_body", "a JSON object is required").raise();
      }
      return bound;
    } catch (UnrecognizedPropertyException unknown) {
      String name = printable(unknown.getPropertyName());
      throw Problem.invalid(
              path(unknown, name), "unknown_field", "the field '" + name + "' is not known here")
          .raise();
    } catch (MismatchedInputException mismatch) {
      String where = path(mismatch, "body");
      throw Problem.invalid(where, "wrong_type", "'" + where + "' does not have the expected type")
          .raise();
    } catch (StreamReadException malformed) {
      var location = malformed.getLocation();
      String at =
          location == null
              ? ""
              : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
      throw Problem.invalid("body", "malformed_json", "the body is not well-formed JSON" + at)
          .raise();
    } catch (JacksonException other) {
      throw Problem.invalid("body", "malformed_json", "the body could not be read as JSON").raise();
    }
  }

  /**
   * Counts the entries of the top-level {@code values} and {@code extras} in one streaming pass, so
   * that a body with a million keys is refused before any map or list of that size is built. A body
   * that is not well-formed JSON passes here and is refused by the binding, which says why.
   */
  private static void requireCountsWithinCaps(byte[] bytes) {
    try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      for (String name = parser.nextName(); name != null; name = parser.nextName()) {
        JsonToken value = parser.nextToken();
        if (name.equals("values") && value == JsonToken.START_OBJECT) {
          requireAtMost(countEntries(parser, MAX_VALUES), "values", MAX_VALUES);
        } else if (name.equals("extras") && value == JsonToken.START_ARRAY) {
          requireAtMost(countEntries(parser, MAX_EXTRAS), "extras", MAX_EXTRAS);
        } else {
          parser.skipChildren();
        }
      }
    } catch (JacksonException malformed) {
      // The binding reads the body again and reports exactly what is wrong with it.
    }
  }

  /** Counts the entries of the object or array the parser stands at, stopping one past the cap. */
  private static int countEntries(JsonParser parser, int cap) {
    int count = 0;
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY && count <= cap;
        token = parser.nextToken()) {
      if (token != JsonToken.PROPERTY_NAME) {
        count++;
        parser.skipChildren();
      }
    }
    return count;
  }

  private static void requireAtMost(int count, String subject, int cap) {
    if (count > cap) {
      throw Problem.invalid(
              subject, "too_many_" + subject, "at most " + cap + " " + subject + " are accepted")
          .raise();
    }
  }

  /** The submission parts shared by validation and ordering. */
  static SubmissionInput submission(
      String certificateId,
      @Nullable Map<String, @Nullable String> values,
      java.util.@Nullable List<@Nullable String> extras,
      @Nullable String reference,
      @Nullable String notifyEmail) {
    return new SubmissionInput(
        certificateId,
        values(values),
        extras(extras),
        Option.of(reference),
        Option.of(notifyEmail));
  }

  /** Values by wire key; a null value is refused rather than guessed at. */
  static io.vavr.collection.Map<String, String> values(
      @Nullable Map<String, @Nullable String> values) {
    if (values == null) {
      return LinkedHashMap.empty();
    }
    List<Violation> problems =
        List.ofAll(values.entrySet())
            .filter(entry -> entry.getValue() == null)
            .map(entry -> printable(entry.getKey()))
            .map(key ->
                Violation.general(
                    key.isBlank() ? "values" : key,
                    "null_value",
                    "a value is a string; leave the field out or send \"\" when it is empty"));
    if (!problems.isEmpty()) {
      throw Problem.invalid("some values are null", problems).raise();
    }
    return LinkedHashMap.ofAll(values.entrySet().stream(), Map.Entry::getKey, Bodies::present);
  }

  private static List<String> extras(java.util.@Nullable List<@Nullable String> extras) {
    if (extras == null) {
      return List.empty();
    }
    if (extras.stream().anyMatch(Objects::isNull)) {
      throw Problem.invalid("extras", "null_value", "extras are strings such as opzione_0").raise();
    }
    return List.ofAll(extras).map(Objects::requireNonNull);
  }

  /** Only called once null values were refused. */
  private static String present(Map.Entry<String, @Nullable String> entry) {
    return Objects.requireNonNull(entry.getValue());
  }

  private void requireJson(Context ctx) {
    String type = ctx.header("Content-Type");
    if (type == null) {
      throw unsupported();
    }
    String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw unsupported();
    }
  }

  private static Problem.ApiProblem unsupported() {
    return Problem.of(
            415,
            "unsupported_media_type",
            "Unsupported media type",
            "send the body as application/json")
        .withHeader("Accept-Post", "application/json")
        .raise();
  }

  /** The body, refusing anything over the limit, whether announced or chunked. */
  private byte[] bytes(Context ctx) {
    String announced = ctx.header("Content-Length");
    if (announced != null) {
      long length;
      try {
        length = Long.parseLong(announced.strip());
      } catch (NumberFormatException malformed) {
        throw Problem.of(400, "bad_request", "Bad request", "the Content-Length is malformed")
            .raise();
      }
      if (length > maxBytes) {
        throw tooLarge();
      }
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes((int) maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException broken) {
      throw Problem.of(400, "bad_request", "Bad request", "the body could not be read").raise();
    }
  }

  /**
   * Reads and drops a body that is not used (up to the limit), so that the connection can carry the
   * next request.
   */
  void discard(Context ctx) {
    // A request that declares no body, as most GETs, has none (RFC 9112 §6.3).
    if (ctx.req().getContentLengthLong() <= 0 && ctx.req().getHeader("Transfer-Encoding") == null) {
      return;
    }
    try (InputStream in = ctx.req().getInputStream()) {
      long left = maxBytes;
      byte[] buffer = new byte[8192];
      for (int read = in.read(buffer); read >= 0 && left > 0; read = in.read(buffer)) {
        left -= read;
      }
    } catch (IOException ignored) {
      // A body that cannot be read is not needed anyway.
    }
  }

  private Problem.ApiProblem tooLarge() {
    return Problem.of(
            413,
            "content_too_large",
            "The body is too large",
            "bodies are limited to " + maxBytes + " bytes")
        .raise();
  }

  private static String path(JacksonException failure, String fallback) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : failure.getPath()) {
      String name = reference.getPropertyName();
      if (name != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(printable(name));
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? fallback : path.toString();
  }

  /** A name from the body, cut short and stripped of control characters, for a message. */
  static String printable(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String cleaned =
        text.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .limit(64)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return cleaned;
  }
}
