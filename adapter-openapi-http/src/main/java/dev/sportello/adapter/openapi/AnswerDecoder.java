package dev.sportello.adapter.openapi;

import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every non-2xx answer into an {@link UpstreamAnswer}: the envelope's code and message when
 * the body is Openapi's envelope, the status and a trimmed body otherwise (a proxy's HTML page, an
 * empty body), or only the body's size where answers may hold secrets. A 429 or a 5xx is marked
 * retryable, with its {@code Retry-After}; whether it is retried is the client's retry policy's
 * business.
 */
final class AnswerDecoder implements ErrorDecoder {
  private final JsonMapper mapper;
  private final Clock clock;
  private final boolean quoting;

  /**
   * @param quoting whether a body outside the envelope is quoted; never where answers may hold
   *     secrets
   */
  AnswerDecoder(JsonMapper mapper, Clock clock, boolean quoting) {
    this.mapper = mapper;
    this.clock = clock;
    this.quoting = quoting;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    UpstreamAnswer answer = read(response);
    int status = response.status();
    if (status == 429 || status >= 500) {
      return new UpstreamAnswer.Retryable(answer, response.request(), retryAfter(response));
    }
    return answer;
  }

  /** Reads an error answer, at most {@link Bodies#ERROR_BODY_LIMIT} bytes of it. */
  UpstreamAnswer read(Response response) {
    byte[] body = new byte[0];
    if (response.body() != null) {
      try (InputStream in = response.body().asInputStream()) {
        body = Bodies.head(in, Bodies.ERROR_BODY_LIMIT);
      } catch (IOException lost) {
        // The status alone still says what happened.
      }
    }
    return fromBody(response.status(), body);
  }

  UpstreamAnswer fromBody(int status, byte[] body) {
    JsonNode envelope = envelope(body);
    if (envelope == null) {
      return new UpstreamAnswer(
          status,
          null,
          quoting ? Bodies.describe(status, body) : Bodies.withheld(status, body),
          false);
    }
    JsonNode code = envelope.get("error");
    JsonNode message = envelope.get("message");
    String codeText =
        code == null || code.isNull() || code.isContainer() ? null : code.asString().strip();
    String messageText = message == null || message.isNull() ? "" : message.asString("").strip();
    if (messageText.isEmpty()) {
      messageText = "HTTP " + status + (codeText == null ? "" : " error " + codeText);
    }
    return new UpstreamAnswer(
        status, codeText == null || codeText.isEmpty() ? null : codeText, messageText, true);
  }

  private @Nullable JsonNode envelope(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(body);
      if (node != null
          && node.isObject()
          && (node.has("success") || node.has("error") || node.has("message"))) {
        return node;
      }
      return null;
    } catch (JacksonException notJson) {
      return null;
    }
  }

  /** The {@code Retry-After} as epoch milliseconds: delay seconds or an HTTP date. */
  @Nullable Long retryAfter(Response response) {
    String value = header(response.headers(), "Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.matches("\\d{1,9}")) {
      return clock.millis() + Duration.ofSeconds(Long.parseLong(text)).toMillis();
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  private static @Nullable String header(Map<String, Collection<String>> headers, String name) {
    for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
      if (header.getKey() != null
          && header.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
          && !header.getValue().isEmpty()) {
        return header.getValue().iterator().next();
      }
    }
    return null;
  }
}
