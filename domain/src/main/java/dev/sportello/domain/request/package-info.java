/** The certificate request aggregate and its lifecycle. */
@NullMarked
package dev.sportello.domain.request;

import org.jspecify.annotations.NullMarked;
