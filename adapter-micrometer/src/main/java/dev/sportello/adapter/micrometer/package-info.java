/**
 * Metrics in a Micrometer registry: upstream calls by engine, kind and outcome, request status
 * changes, refused transitions, background failures and HTTP requests served, with a WARN log line
 * for each refused transition and background failure. {@link
 * dev.sportello.adapter.micrometer.MicrometerAdapter} is the one entry point, built from {@link
 * dev.sportello.adapter.micrometer.MicrometerSettings}; it implements the application's {@code
 * RemoteCallObserver} and {@code RequestEvents} ports.
 */
@NullMarked
package dev.sportello.adapter.micrometer;

import org.jspecify.annotations.NullMarked;
