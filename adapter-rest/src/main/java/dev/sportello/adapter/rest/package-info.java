/**
 * The REST adapter: the HTTP API under {@code /api/v1}, the upstream webhook receiver, health,
 * metrics and the API documentation. It drives the application's inbound ports only. {@link
 * dev.sportello.adapter.rest.RestAdapter} is the one entry point, configured by {@link
 * dev.sportello.adapter.rest.RestSettings} and given the use cases as {@link
 * dev.sportello.adapter.rest.RestUseCases}.
 */
@NullMarked
package dev.sportello.adapter.rest;

import org.jspecify.annotations.NullMarked;
