package dev.sportello.adapter.visengine;

import dev.sportello.adapter.openapi.Failures;
import dev.sportello.adapter.openapi.StoreStream;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.request.UpstreamId;
import feign.Response;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.Base64Variants;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code GET /documento/{id}} with the streaming parser: the base64 {@code file} is decoded
 * straight into the target as it arrives, so the document is never held whole in memory. The
 * envelope is checked as it goes by; {@code success:false} becomes the matching failure.
 */
final class DocumentReader {
  private static final Base64Variant BASE64 =
      Base64Variants.MIME_NO_LINEFEEDS.withReadPadding(
          Base64Variant.PaddingReadBehaviour.PADDING_ALLOWED);

  private final JsonMapper mapper;
  private final Failures failures;

  DocumentReader(JsonMapper mapper, Failures failures) {
    this.mapper = mapper;
    this.failures = failures;
  }

  Either<RemoteFailure, String> read(UpstreamId id, Response response, OutputStream target) {
    if (response.body() == null) {
      return Either.left(
          new RemoteFailure.Malformed("HTTP " + response.status() + " with an empty body"));
    }
    Found found = new Found();
    StoreStream store = new StoreStream(target);
    try (InputStream in = response.body().asInputStream();
        JsonParser parser = mapper.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Either.left(
            new RemoteFailure.Malformed(
                "HTTP " + response.status() + ": the document answer is not a JSON object"));
      }
      for (String name = parser.nextName(); name != null; name = parser.nextName()) {
        JsonToken value = parser.nextToken();
        switch (name) {
          case "data" -> readData(parser, value, store, found);
          case "success" -> found.success = flag(parser, value);
          case "error" -> found.code = scalar(parser, value);
          case "message" -> found.message = scalar(parser, value);
          default -> parser.skipChildren();
        }
      }
    } catch (JacksonException | IOException failed) {
      return Either.left(failure(failed));
    }
    boolean failed =
        Boolean.FALSE.equals(found.success)
            || (found.success == null && found.code != null && !found.code.isBlank());
    if (failed) {
      String message =
          found.message == null || found.message.isBlank()
              ? "upstream said the call failed"
              : found.message.strip();
      String code = found.code == null || found.code.isBlank() ? null : found.code.strip();
      return Either.left(failures.answered(response.status(), code, message, Failures.Effect.READ));
    }
    if (!found.file) {
      return Either.left(new RemoteFailure.Malformed("the document answer has no file"));
    }
    String name = found.name == null || found.name.isBlank() ? id + ".zip" : found.name.strip();
    return Either.right(name);
  }

  private static void readData(JsonParser parser, JsonToken value, StoreStream store, Found found) {
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      JsonToken token = parser.nextToken();
      if (name.equals("file") && token == JsonToken.VALUE_STRING) {
        parser.readBinaryValue(BASE64, store);
        found.file = true;
      } else if (name.equals("nome") && token.isScalarValue()) {
        found.name = parser.getString();
      } else {
        parser.skipChildren();
      }
    }
  }

  private static @Nullable Boolean flag(JsonParser parser, JsonToken value) {
    return switch (value) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NUMBER_INT -> parser.getLongValue() != 0;
      case VALUE_STRING -> {
        String text = parser.getString().strip().toLowerCase(Locale.ROOT);
        if (text.equals("1") || text.equals("true")) {
          yield Boolean.TRUE;
        }
        yield (text.equals("0") || text.equals("false")) ? Boolean.FALSE : null;
      }
      default -> {
        parser.skipChildren();
        yield null;
      }
    };
  }

  private static @Nullable String scalar(JsonParser parser, JsonToken value) {
    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
      return parser.getString();
    }
    parser.skipChildren();
    return null;
  }

  private static RemoteFailure failure(Exception failed) {
    Option<RemoteFailure> stored = StoreStream.failure(failed);
    if (stored.isDefined()) {
      return stored.get();
    }
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io) {
        return Failures.transport(io, Failures.Effect.READ);
      }
    }
    return new RemoteFailure.Malformed(
        failed instanceof JacksonException
            ? "the document answer is not the expected JSON or base64"
            : "the document answer is not readable: " + failed.getClass().getSimpleName());
  }

  /** What the answer said, as it went by. */
  private static final class Found {
    @Nullable Boolean success;
    @Nullable String code;
    @Nullable String message;
    @Nullable String name;
    boolean file;
  }
}
