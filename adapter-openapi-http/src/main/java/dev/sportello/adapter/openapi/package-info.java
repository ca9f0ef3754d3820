/**
 * What Openapi's engines share over HTTP, written once for every engine adapter (and used by the
 * account's, for the OAuth service): the answer envelope {@code {data, success, message, error}},
 * the bearer token asked of its {@link dev.sportello.adapter.openapi.BearerToken} on every call and
 * replaced once after a 401, repeats of the calls that are safe to repeat and never of the others,
 * bounded reads of error bodies, and the typed failures answers and transport errors mean.
 *
 * <p>No engine's vocabulary lives here: each engine adapter keeps its wire records, its table of
 * error codes ({@link dev.sportello.adapter.openapi.ErrorCodes}), its settings record (an {@link
 * dev.sportello.adapter.openapi.ApiSettings}) and its factory. {@link
 * dev.sportello.adapter.openapi.OpenapiClients} builds an engine's clients, {@link
 * dev.sportello.adapter.openapi.Failures} makes its calls; everything else is package-private.
 */
@NullMarked
package dev.sportello.adapter.openapi;

import org.jspecify.annotations.NullMarked;
