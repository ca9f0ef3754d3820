/**
 * Field keys and field types: how each kind of value is checked and normalised. Keys are opaque
 * values assigned by the engine that published a form; types have English names, and each engine's
 * adapter reads its own type names into them.
 */
@NullMarked
package dev.sportello.domain.field;

import org.jspecify.annotations.NullMarked;
