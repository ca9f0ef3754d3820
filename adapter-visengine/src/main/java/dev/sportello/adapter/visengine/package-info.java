/**
 * The remote ports over Openapi's Visengine HTTP API. {@link
 * dev.sportello.adapter.visengine.VisengineAdapter#create} with {@link
 * dev.sportello.adapter.visengine.VisengineSettings} is the only way in (besides listing a
 * downloaded archive's entries); everything else is package-private.
 */
@NullMarked
package dev.sportello.adapter.visengine;

import org.jspecify.annotations.NullMarked;
