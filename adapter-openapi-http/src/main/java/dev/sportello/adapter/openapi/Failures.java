package dev.sportello.adapter.openapi;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import feign.FeignException;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Translates what happened to a call into the port's typed failures. An answer's {@code error} code
 * decides first, as the engine's {@link ErrorCodes} read it, then its HTTP status, the same for
 * every engine. Whether a failure that may have had an effect is {@link
 * RemoteFailure.OutcomeUnknown} depends on whether the call changes anything upstream.
 */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private final String engine;
  private final ErrorCodes codes;

  /**
   * @param engine the engine's name, as the log tells it
   * @param codes what the engine's error codes mean
   */
  public Failures(String engine, ErrorCodes codes) {
    this.engine = engine;
    this.codes = codes;
  }

  /** What a call does upstream. */
  public enum Effect {
    /** Reads; repeating it changes nothing. */
    READ,
    /** Creates, charges or cancels something. */
    CHANGE
  }

  /**
   * Makes one port call: whatever it throws becomes the failure it means, and it is logged at DEBUG
   * with its kind, outcome and latency, never with bodies, values or tokens.
   */
  public <T> Either<RemoteFailure, T> call(
      RemoteCallKind kind, Effect effect, Supplier<Either<RemoteFailure, T>> body) {
    return call(kind.name(), effect, body);
  }

  /**
   * Makes one call that is none of the engines' port calls, such as one to the OAuth service, as
   * {@link #call(RemoteCallKind, Effect, Supplier)} does.
   *
   * @param what what the call does, as the log tells it
   */
  public <T> Either<RemoteFailure, T> call(
      String what, Effect effect, Supplier<Either<RemoteFailure, T>> body) {
    long started = System.nanoTime();
    Either<RemoteFailure, T> result;
    try {
      result = body.get();
    } catch (RuntimeException thrown) {
      result = Either.left(of(thrown, effect));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {} {} in {} ms",
          engine,
          what,
          result.isRight() ? "ok" : result.getLeft().getClass().getSimpleName(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return result;
  }

  /**
   * Makes a call that lists what the account holds: Openapi's APIs answer "not found" for an
   * account that holds nothing, which is an empty list.
   */
  public <T> Either<RemoteFailure, List<T>> listing(
      RemoteCallKind kind, Supplier<Either<RemoteFailure, List<T>>> body) {
    return listing(kind.name(), body);
  }

  /**
   * Makes a listing call that is none of the engines' port calls, as {@link
   * #listing(RemoteCallKind, Supplier)} does.
   *
   * @param what what the call does, as the log tells it
   */
  public <T> Either<RemoteFailure, List<T>> listing(
      String what, Supplier<Either<RemoteFailure, List<T>>> body) {
    Either<RemoteFailure, List<T>> listed = call(what, Effect.READ, body);
    return listed.isLeft() && listed.getLeft() instanceof RemoteFailure.NotFound
        ? Either.right(List.empty())
        : listed;
  }

  /**
   * The failure an answer in the envelope means that was read without Feign, such as a stream.
   *
   * @param code the envelope's {@code error} code, when it has one
   */
  public RemoteFailure answered(int status, @Nullable String code, String message, Effect effect) {
    return of(new UpstreamAnswer(status, code, message, true), effect);
  }

  /** The failure an answer means. */
  RemoteFailure of(UpstreamAnswer answer, Effect effect) {
    int status = answer.status();
    String code = answer.code();
    String message = answer.text();
    // The port carries no HTTP status: an operator finds it here. Not at INFO: an empty list is a
    // 404 on every sync cycle of an idle account.
    LOG.debug("{} answered HTTP {} with error code {}", engine, status, code == null ? "-" : code);
    if (answer.enveloped()) {
      Option<RemoteFailure> meant = codes.failure(status, code, message);
      if (meant.isDefined()) {
        return meant.get();
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
      // Not the API speaking (a proxy's page, a wrong base URL, nothing): the call did not reach
      // it, so nothing happened.
      return new RemoteFailure.Unavailable(message);
    }
    String shownCode = code == null ? "http_" + status : code;
    return switch (status) {
      case 402 -> new RemoteFailure.InsufficientCredit(message);
      case 404 -> new RemoteFailure.NotFound(message);
      case 409 -> new RemoteFailure.Conflict(shownCode, message);
      default -> new RemoteFailure.Rejected(refusal(status), shownCode, message);
    };
  }

  /** What a refusal's HTTP status says about it; the status itself stays in the adapter. */
  public static RemoteFailure.Refusal refusal(int status) {
    return switch (status) {
      case 400, 412, 422 -> RemoteFailure.Refusal.INVALID;
      case 428 -> RemoteFailure.Refusal.INCOMPLETE;
      default -> RemoteFailure.Refusal.UNSPECIFIED;
    };
  }

  /** The failure whatever was thrown by a call means. */
  RemoteFailure of(Throwable thrown, Effect effect) {
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
  public static RemoteFailure transport(Throwable io, Effect effect) {
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
  private static RemoteFailure unreadable(Effect effect, String message) {
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
