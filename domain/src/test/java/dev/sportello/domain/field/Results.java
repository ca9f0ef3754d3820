package dev.sportello.domain.field;

import io.vavr.control.Either;

/** Reads check results in assertions. */
final class Results {
  private Results() {}

  /** The rejection code, or a text that names the accepted value so that a failure says so. */
  static String rejectionCode(Either<Rejection, ?> result) {
    return result.fold(Rejection::code, accepted -> "accepted as " + accepted);
  }

  /** The rejection message, or a text that names the accepted value. */
  static String rejectionMessage(Either<Rejection, ?> result) {
    return result.fold(Rejection::message, accepted -> "accepted as " + accepted);
  }
}
