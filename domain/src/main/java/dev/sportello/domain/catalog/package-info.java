/**
 * The catalogue: certificates, their form schemas, extras and schema warnings. Ids and field keys
 * are opaque values assigned by the engine that published a certificate; an engine's adapter reads
 * its published form into {@link dev.sportello.domain.catalog.FieldDeclaration}s, and {@link
 * dev.sportello.domain.catalog.FieldSchema#read} repairs what it can and reports the rest as
 * warnings.
 */
@NullMarked
package dev.sportello.domain.catalog;

import org.jspecify.annotations.NullMarked;
