package dev.sportello.adapter.docuengine;

import dev.sportello.application.port.out.RemoteFailure;
import feign.FeignException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Translates what happened to a call into the port's typed failures. An answer's {@code error} code
 * decides first (visengine-api.md §11, DocuEngine's error rows), then its HTTP status. Whether a
 * failure that may have had an effect is {@link RemoteFailure.OutcomeUnknown} depends on whether
 * the call changes anything upstream.
 */
final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  private static final String NO_CREDIT = "610";

  /** 221: no requests at all; 222 and 210: an id not valid; 223: no such request. */
  private static final Set<String> NOT_FOUND = Set.of("210", "221", "222", "223");

  private static final Set<String> INVALID = Set.of("202", "205", "300", "320");
  private static final Set<String> INCOMPLETE = Set.of("209", "311");

  /** The document cannot be ordered now; nothing was created or charged, so later may work. */
  private static final Set<String> UNAVAILABLE_NOW = Set.of("208", "316");

  /** No results to choose from, or one was already chosen. */
  static final String NOTHING_TO_CHOOSE = "213";

  /** "No fields were accepted": also what a close of a request that is no longer NEW gets. */
  static final String NO_FIELDS_ACCEPTED = "300";

  private static final String NOT_READY = "225";

  private Failures() {}

  /** What a call does upstream. */
  enum Effect {
    /** Reads; repeating it changes nothing. */
    READ,
    /** Creates or charges something. */
    CHANGE
  }

  /** The failure an answer means. */
  static RemoteFailure of(UpstreamAnswer answer, Effect effect) {
    int status = answer.status();
    String code = answer.code();
    String message = answer.text();
    // The port carries no HTTP status: an operator finds it here. Not at INFO: an empty list is a
    // 404 on every sync cycle of an idle account.
    LOG.debug("docuengine answered HTTP {} with error code {}", status, code == null ? "-" : code);
    if (code != null) {
      if (NO_CREDIT.equals(code)) {
        return new RemoteFailure.InsufficientCredit(message);
      }
      if (NOT_FOUND.contains(code)) {
        return new RemoteFailure.NotFound(message);
      }
      if (NOTHING_TO_CHOOSE.equals(code)) {
        return new RemoteFailure.Conflict(code, message);
      }
      if (NOT_READY.equals(code)) {
        return new RemoteFailure.NotReady(message);
      }
      if (UNAVAILABLE_NOW.contains(code)) {
        return new RemoteFailure.Unavailable(message);
      }
      if (INVALID.contains(code)) {
        return new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, code, message);
      }
      if (INCOMPLETE.contains(code)) {
        return new RemoteFailure.Rejected(RemoteFailure.Refusal.INCOMPLETE, code, message);
      }
    }
    if (status == 401 || status == 403) {
      return new RemoteFailure.AccessDenied(
          status == 401 ? RemoteFailure.Denial.UNAUTHENTICATED : RemoteFailure.Denial.NOT_PERMITTED,
          message);
    }
    if (status == 429) {
      return new RemoteFailure.Unavailable("upstream is throttling calls: " + message);
    }
    if (status >= 500 || status < 200) {
      return uncertain(effect, message);
    }
    if (!answer.enveloped()) {
      // Not DocuEngine speaking (a proxy's page, a wrong base URL, nothing): the call did not
      // reach the API, so nothing happened.
      return new RemoteFailure.Unavailable(message);
    }
    String shownCode = code == null ? "http_" + status : code;
    return switch (status) {
      case 402 -> new RemoteFailure.InsufficientCredit(message);
      case 404 -> new RemoteFailure.NotFound(message);
      case 409 -> new RemoteFailure.Conflict(shownCode, message);
      case 417 -> new RemoteFailure.Unavailable(message);
      default -> new RemoteFailure.Rejected(refusal(status), shownCode, message);
    };
  }

  /** What a refusal's HTTP status says about it; the status itself stays in this adapter. */
  private static RemoteFailure.Refusal refusal(int status) {
    return switch (status) {
      case 400, 406, 412, 422 -> RemoteFailure.Refusal.INVALID;
      case 428 -> RemoteFailure.Refusal.INCOMPLETE;
      default -> RemoteFailure.Refusal.UNSPECIFIED;
    };
  }

  /** The failure whatever was thrown by a call means. */
  static RemoteFailure of(Throwable thrown, Effect effect) {
    MissingToken noToken = find(thrown, MissingToken.class);
    if (noToken != null) {
      return new RemoteFailure.Unavailable("nothing was sent: " + noToken.getMessage());
    }
    UpstreamAnswer answer = find(thrown, UpstreamAnswer.class);
    if (answer != null) {
      return of(answer, effect);
    }
    EnvelopeDecoder.Malformed malformed = find(thrown, EnvelopeDecoder.Malformed.class);
    if (malformed != null) {
      return unreadable(effect, String.valueOf(malformed.getMessage()));
    }
    Throwable io = find(thrown, IOException.class);
    if (io == null) {
      io = find(thrown, UnresolvedAddressException.class);
    }
    if (io != null) {
      return transport(io, effect);
    }
    JacksonException unreadable = find(thrown, JacksonException.class);
    if (unreadable != null) {
      return unreadable(
          effect, "upstream's answer is not the expected JSON: " + unreadable.getOriginalMessage());
    }
    if (thrown instanceof FeignException feign && feign.status() > 0) {
      return of(
          new UpstreamAnswer(
              feign.status(),
              null,
              Bodies.describe(feign.status(), feign.contentUTF8().getBytes(StandardCharsets.UTF_8)),
              false),
          effect);
    }
    return uncertain(effect, "the call failed: " + describe(thrown));
  }

  /** A transport error: before sending nothing happened; after sending, anything may have. */
  static RemoteFailure transport(Throwable io, Effect effect) {
    if (connecting(io)) {
      return new RemoteFailure.Unavailable("could not connect to upstream: " + describe(io));
    }
    String what =
        io instanceof HttpTimeoutException
            ? "no answer within the read timeout"
            : "the connection failed after the request was sent";
    return uncertain(effect, what + ": " + describe(io));
  }

  /**
   * A 2xx answer that cannot be read: for a read, a malformed answer; for a change, upstream may
   * have done it, so the outcome is unknown.
   */
  static RemoteFailure unreadable(Effect effect, String message) {
    return effect == Effect.CHANGE
        ? new RemoteFailure.OutcomeUnknown("upstream answered unreadably: " + message)
        : new RemoteFailure.Malformed(message);
  }

  private static RemoteFailure uncertain(Effect effect, String message) {
    return effect == Effect.CHANGE
        ? new RemoteFailure.OutcomeUnknown(message)
        : new RemoteFailure.Unavailable(message);
  }

  private static boolean connecting(Throwable io) {
    int depth = 0;
    for (Throwable cause = io; cause != null && depth < 16; cause = cause.getCause(), depth++) {
      if (cause instanceof ConnectException
          || cause instanceof HttpConnectTimeoutException
          || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException
          || cause instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable thrown) {
    String message = thrown.getMessage();
    return thrown.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }

  private static <T extends Throwable> @Nullable T find(Throwable thrown, Class<T> type) {
    int depth = 0;
    for (Throwable cause = thrown; cause != null && depth < 16; cause = cause.getCause(), depth++) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
