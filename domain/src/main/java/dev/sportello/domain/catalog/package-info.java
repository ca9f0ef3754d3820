/** The catalogue: certificates, their form schemas, extras and schema warnings. */
@NullMarked
package dev.sportello.domain.catalog;

import org.jspecify.annotations.NullMarked;
