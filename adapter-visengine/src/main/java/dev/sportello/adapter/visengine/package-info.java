/**
 * The remote ports over Openapi's Visengine HTTP API. {@link
 * dev.sportello.adapter.visengine.VisengineAdapter#create} with {@link
 * dev.sportello.adapter.visengine.VisengineSettings} is the only way in, besides two static helpers
 * on the same class: reading a certificate saved as Visengine publishes it, and listing a
 * downloaded archive's entries. Everything else is package-private.
 *
 * <p>Visengine's wire format lives here and nowhere else: its Italian member names, its {@code $n}
 * field keys and 32-character ids, and its field types ({@code tipo}), which {@code FieldTypes}
 * reads into the domain's English kinds. Dates go upstream as the domain normalises them,
 * yyyy-mm-dd. What it shares with the other Openapi engine (the answer envelope, bearer tokens,
 * repeats of safe calls, the failures answers mean) comes from {@code
 * dev.sportello.adapter.openapi}; the meaning of Visengine's own error codes stays here.
 */
@NullMarked
package dev.sportello.adapter.visengine;

import org.jspecify.annotations.NullMarked;
