package dev.sportello.adapter.openapi;

import dev.sportello.application.port.out.RemoteFailure;
import io.vavr.control.Option;
import org.jspecify.annotations.Nullable;

/**
 * What one engine's answers mean by their own {@code error} codes. It is asked first about every
 * answer in the envelope; where it says nothing, the HTTP status decides as {@link Failures} reads
 * it for every engine.
 */
@FunctionalInterface
public interface ErrorCodes {
  /**
   * The failure an answer of the engine's API means.
   *
   * @param status the HTTP status
   * @param code the envelope's {@code error} code, when it has one
   * @param message the envelope's message, or one made from the status
   * @return empty when the HTTP status is to decide
   */
  Option<RemoteFailure> failure(int status, @Nullable String code, String message);
}
