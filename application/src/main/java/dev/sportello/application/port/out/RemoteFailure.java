package dev.sportello.application.port.out;

/**
 * Why a call to the upstream service did not give the expected answer. Adapters translate every
 * transport and vendor failure into one of these; no library exception crosses a port.
 */
public sealed interface RemoteFailure {

  /**
   * An explanation for logs and operators; never contains personal values or tokens.
   *
   * @return the explanation
   */
  String message();

  /**
   * Upstream refused the call for its content (invalid data, invalid email, no such hash, …).
   *
   * @param reason what kind of refusal it was
   * @param code upstream's own code, shown to the caller so that it can be looked up
   * @param message upstream's explanation
   */
  record Rejected(Refusal reason, String code, String message) implements RemoteFailure {}

  /** Why upstream refused a call's content. */
  enum Refusal {
    /** A value, id or option is wrong. */
    INVALID,
    /** Something the call needs is missing. */
    INCOMPLETE,
    /** Refused without saying which of the above. */
    UNSPECIFIED
  }

  /**
   * The upstream wallet cannot pay for the call.
   *
   * @param message an explanation for logs and operators; never contains personal values or tokens
   */
  record InsufficientCredit(String message) implements RemoteFailure {}

  /**
   * Upstream does not know what the call names.
   *
   * @param message an explanation for logs and operators; never contains personal values or tokens
   */
  record NotFound(String message) implements RemoteFailure {}

  /**
   * The request was already closed upstream: a repeated close that counts as success.
   *
   * @param message an explanation for logs and operators; never contains personal values or tokens
   */
  record AlreadyClosed(String message) implements RemoteFailure {}

  /**
   * The request's upstream state does not allow the call (no search phase, nothing to choose, …).
   *
   * @param code upstream's own code
   * @param message an explanation for logs and operators; never contains personal values or tokens
   */
  record Conflict(String code, String message) implements RemoteFailure {}

  /**
   * The document is not ready yet.
   *
   * @param message an explanation for logs and operators; never contains personal values or tokens
   */
  record NotReady(String message) implements RemoteFailure {}

  /**
   * Upstream refused our credentials (a configuration problem, not the request's).
   *
   * @param reason what kind of denial it was
   * @param message an explanation for logs and operators; never contains personal values or tokens
   */
  record AccessDenied(Denial reason, String message) implements RemoteFailure {}

  /** Why upstream refused our credentials. */
  enum Denial {
    /** The token is missing, unknown or expired. */
    UNAUTHENTICATED,
    /** The token is valid but may not make this call (a missing scope). */
    NOT_PERMITTED
  }

  /**
   * The call certainly had no effect (connection refused, an error answer to a read); it can be
   * tried again.
   *
   * @param message an explanation for logs and operators; never contains personal values or tokens
   */
  record Unavailable(String message) implements RemoteFailure {}

  /**
   * A call that changes something upstream may or may not have taken effect (a timeout after
   * sending, a dropped connection). The caller must find out before doing anything that could
   * charge again.
   *
   * @param message an explanation for logs and operators; never contains personal values or tokens
   */
  record OutcomeUnknown(String message) implements RemoteFailure {}

  /**
   * Upstream answered with something that cannot be read.
   *
   * @param message an explanation for logs and operators; never contains personal values or tokens
   */
  record Malformed(String message) implements RemoteFailure {}
}
