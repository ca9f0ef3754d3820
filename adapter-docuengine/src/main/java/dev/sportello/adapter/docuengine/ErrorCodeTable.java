package dev.sportello.adapter.docuengine;

import dev.sportello.adapter.openapi.ErrorCodes;
import dev.sportello.application.port.out.RemoteFailure;
import io.vavr.control.Option;
import org.jspecify.annotations.Nullable;

/**
 * What DocuEngine's error codes mean (visengine-api.md §11, DocuEngine's error rows), and the two
 * statuses it gives a meaning of its own: 406 for a value it refuses, 417 for a document it cannot
 * serve now.
 */
final class ErrorCodeTable implements ErrorCodes {
  /** No results to choose from, or one was already chosen. */
  static final String NOTHING_TO_CHOOSE = "213";

  /** "No fields were accepted". */
  private static final String NO_FIELDS_ACCEPTED = "300";

  @Override
  public Option<RemoteFailure> failure(int status, @Nullable String code, String message) {
    Option<RemoteFailure> meant = code == null ? Option.none() : byCode(code, message);
    if (meant.isDefined()) {
      return meant;
    }
    return switch (status) {
      case 406 ->
          Option.some(
              new RemoteFailure.Rejected(
                  RemoteFailure.Refusal.INVALID, code == null ? "http_406" : code, message));
      case 417 -> Option.some(new RemoteFailure.Unavailable(message));
      default -> Option.none();
    };
  }

  private static Option<RemoteFailure> byCode(String code, String message) {
    return switch (code) {
      case "610" -> Option.some(new RemoteFailure.InsufficientCredit(message));
      // 221: no requests at all; 222 and 210: an id not valid; 223: no such request.
      case "210", "221", "222", "223" -> Option.some(new RemoteFailure.NotFound(message));
      case NOTHING_TO_CHOOSE -> Option.some(new RemoteFailure.Conflict(code, message));
      case "225" -> Option.some(new RemoteFailure.NotReady(message));
      // The document cannot be ordered now; nothing was created or charged, so later may work.
      // It says nothing about the engine being down: a conflict, waited on as an outage is.
      case "208", "316" -> Option.some(new RemoteFailure.Conflict(code, message));
      case "202", "205", NO_FIELDS_ACCEPTED, "320" ->
          Option.some(new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, code, message));
      case "209", "311" ->
          Option.some(new RemoteFailure.Rejected(RemoteFailure.Refusal.INCOMPLETE, code, message));
      default -> Option.none();
    };
  }
}
