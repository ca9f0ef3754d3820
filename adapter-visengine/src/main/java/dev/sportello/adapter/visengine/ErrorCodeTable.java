package dev.sportello.adapter.visengine;

import dev.sportello.adapter.openapi.ErrorCodes;
import dev.sportello.adapter.openapi.Failures;
import dev.sportello.application.port.out.RemoteFailure;
import io.vavr.control.Option;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What Visengine's error codes mean (visengine-api.md §6); a code decides before the status. */
final class ErrorCodeTable implements ErrorCodes {
  private static final Set<String> REJECTED =
      Set.of(
          "200", "201", "204", "209", "219", "224", "226", "229", "233", "234", "242", "243",
          "250");

  @Override
  public Option<RemoteFailure> failure(int status, @Nullable String code, String message) {
    if (code == null) {
      return Option.none();
    }
    return switch (code) {
      case "211", "225", "237" -> Option.some(new RemoteFailure.InsufficientCredit(message));
      case "202", "203", "228", "244" -> Option.some(new RemoteFailure.NotFound(message));
      case "239" -> Option.some(new RemoteFailure.AlreadyClosed(message));
      case "221", "222", "230" -> Option.some(new RemoteFailure.Conflict(code, message));
      case "247" -> Option.some(new RemoteFailure.NotReady(message));
      default ->
          REJECTED.contains(code)
              ? Option.some(new RemoteFailure.Rejected(Failures.refusal(status), code, message))
              : Option.none();
    };
  }
}
