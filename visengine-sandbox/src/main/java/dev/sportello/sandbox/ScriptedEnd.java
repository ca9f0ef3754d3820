package dev.sportello.sandbox;

/**
 * How the control API says a request of either engine ends instead of normally: at its next
 * operator step, or at once when it has none pending.
 *
 * @param <F> how the engine words a failure (Visengine: an {@code esito}; DocuEngine: the state
 *     {@code ERROR} or {@code FAILED})
 */
sealed interface ScriptedEnd<F> {

  record Cancelled<F>(String reason) implements ScriptedEnd<F> {}

  record Failed<F>(F failure) implements ScriptedEnd<F> {}
}
