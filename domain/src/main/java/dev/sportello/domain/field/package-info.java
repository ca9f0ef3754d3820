/** Field keys and field types: how each kind of value is checked and normalised. */
@NullMarked
package dev.sportello.domain.field;

import org.jspecify.annotations.NullMarked;
