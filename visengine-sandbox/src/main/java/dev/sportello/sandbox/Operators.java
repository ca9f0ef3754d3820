package dev.sportello.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The operators of both engines on the one sandbox clock: whoever moves the clock (a test, the
 * control API) or merely looks at it (the ticker) lets every due step of either engine happen, then
 * sends the callbacks those steps triggered.
 */
final class Operators {

  private final SandboxClock clock;
  private final Simulator visengine;
  private final DocuEngineSimulator docuEngine;
  private final CallbackDispatcher callbacks;

  Operators(
      SandboxClock clock,
      Simulator visengine,
      DocuEngineSimulator docuEngine,
      CallbackDispatcher callbacks) {
    this.clock = clock;
    this.visengine = visengine;
    this.docuEngine = docuEngine;
    this.callbacks = callbacks;
  }

  Instant now() {
    return clock.now();
  }

  /** Moves the clock forward; every step due by then happens at once. */
  void advance(Duration amount) {
    clock.advance(amount);
    catchUp();
  }

  /** Runs every step due now on both engines, then the callbacks due. */
  void catchUp() {
    visengine.tick();
    docuEngine.tick();
    callbacks.pump();
  }
}
