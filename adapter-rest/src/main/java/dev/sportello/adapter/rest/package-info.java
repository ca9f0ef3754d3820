/**
 * The REST adapter: the HTTP API under {@code /api/v1}, the upstream webhook receiver, health,
 * metrics and the API documentation. It drives the application's inbound ports only. {@link
 * dev.sportello.adapter.rest.RestAdapter} is the one entry point, built from the application's use
 * cases and configured by {@link dev.sportello.adapter.rest.RestSettings}; its one static helper
 * reads a certificate description saved from the API.
 */
@NullMarked
package dev.sportello.adapter.rest;

import org.jspecify.annotations.NullMarked;
