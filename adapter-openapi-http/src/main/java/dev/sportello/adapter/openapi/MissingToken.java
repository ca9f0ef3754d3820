package dev.sportello.adapter.openapi;

/** No token to call with: nothing was sent. */
final class MissingToken extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MissingToken(String message) {
    super(message, null, false, false);
  }
}
