package dev.sportello.sandbox;

/**
 * An answer with one of the {@link ApiError} rows; thrown by handlers, rendered by the HTTP layer.
 */
final class ApiRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ApiError row;
  private final String text;

  ApiRefusal(ApiError row, String detail) {
    super(row.message(detail), null, false, false);
    this.row = row;
    this.text = row.message(detail);
  }

  /** The envelope's {@code message}. */
  String text() {
    return text;
  }

  ApiError row() {
    return row;
  }
}
