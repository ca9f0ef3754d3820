package dev.sportello.bootstrap;

/**
 * Input that cannot be read as what it should be. It never leaves the readers: they turn it into a
 * one-line message.
 */
final class UnreadableInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnreadableInputException(String message) {
    super(message, null, false, false);
  }
}
