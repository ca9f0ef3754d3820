/** Small values shared by the whole domain: money and violations. */
@NullMarked
package dev.sportello.domain.shared;

import org.jspecify.annotations.NullMarked;
