/**
 * A standalone simulator of Openapi's two document engines, Visengine and DocuEngine, served over
 * real HTTP on one port, with DocuEngine's download storage on a second.
 *
 * <p>Written only from the published API facts ({@code shared/reference/visengine-api.md} and the
 * vendors' OpenAPI descriptions), never from Sportello's own model, so that the adapter's tests and
 * this simulator's tests check each other. The public surface is {@link
 * dev.sportello.sandbox.VisengineSandbox}, {@link dev.sportello.sandbox.SandboxSettings}, {@link
 * dev.sportello.sandbox.SandboxCharges} and the jar's {@link dev.sportello.sandbox.SandboxMain};
 * everything else is package-private.
 */
@NullMarked
package dev.sportello.sandbox;

import org.jspecify.annotations.NullMarked;
