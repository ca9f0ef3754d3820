package dev.sportello.adapter.openapi;

import feign.Request;
import feign.RetryableException;
import org.jspecify.annotations.Nullable;

/**
 * An answer upstream gave instead of the expected data: the HTTP status, the envelope's {@code
 * error} code when there was one, and a message (the envelope's, or the trimmed body). It carries
 * no stack trace: it is a value on its way to becoming a {@code RemoteFailure}.
 */
final class UpstreamAnswer extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String code;
  private final boolean enveloped;

  UpstreamAnswer(int status, @Nullable String code, String message, boolean enveloped) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.enveloped = enveloped;
  }

  int status() {
    return status;
  }

  @Nullable String code() {
    return code;
  }

  /** Whether the answer was the API's own envelope rather than a proxy's page or nothing. */
  boolean enveloped() {
    return enveloped;
  }

  String text() {
    String message = getMessage();
    return message == null ? "" : message;
  }

  /** The same answer, marked as worth another attempt (a 429 or a 5xx). */
  static final class Retryable extends RetryableException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised
    private final UpstreamAnswer answer;

    Retryable(UpstreamAnswer answer, Request request, @Nullable Long retryAfterEpochMillis) {
      super(
          answer.status(),
          answer.text(),
          request.httpMethod(),
          answer,
          retryAfterEpochMillis,
          request);
      this.answer = answer;
    }

    UpstreamAnswer answer() {
      return answer;
    }
  }
}
