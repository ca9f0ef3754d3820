/**
 * The web console: pages for people who order documents by hand, served beside the REST API on the
 * same server. It drives the application's inbound ports only, as the REST API does, and sees the
 * same callers. {@link dev.sportello.adapter.console.ConsoleAdapter} is the one entry point, built
 * from the application's use cases and configured by {@link
 * dev.sportello.adapter.console.ConsoleSettings}; it mounts its pages on a Javalin server.
 */
@NullMarked
package dev.sportello.adapter.console;

import org.jspecify.annotations.NullMarked;
