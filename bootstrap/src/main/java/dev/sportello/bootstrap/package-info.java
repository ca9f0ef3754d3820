/**
 * The composition root: configuration, wiring, and the service's own commands ({@code serve},
 * {@code sandbox}, {@code migrate}, {@code keys}, {@code validate}); the client commands come from
 * the command-line adapter.
 */
@NullMarked
package dev.sportello.bootstrap;

import org.jspecify.annotations.NullMarked;
