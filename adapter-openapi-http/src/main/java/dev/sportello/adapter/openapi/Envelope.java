package dev.sportello.adapter.openapi;

import org.jspecify.annotations.Nullable;

/**
 * The envelope {@code {data, success, message, error}} around every answer of Openapi's APIs. Each
 * engine reads it into its own record, with the leniency its wire needs; what the envelope says
 * about the call is read here.
 *
 * @param <T> the data an answer carries
 */
public interface Envelope<T> {
  @Nullable T data();

  @Nullable Boolean success();

  @Nullable String message();

  @Nullable String error();

  /** Whether upstream says the call failed; an answer without a verdict but with data is fine. */
  default boolean failed() {
    Boolean success = success();
    if (success != null) {
      return !success;
    }
    String error = error();
    return data() == null || (error != null && !error.isBlank());
  }
}
