/**
 * The remote ports over Openapi's Visengine HTTP API. {@link
 * dev.sportello.adapter.visengine.VisengineAdapter#create} is the only way in; everything else is
 * package-private.
 */
@NullMarked
package dev.sportello.adapter.visengine;

import org.jspecify.annotations.NullMarked;
