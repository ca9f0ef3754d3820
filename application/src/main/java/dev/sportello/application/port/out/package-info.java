/**
 * Outbound ports: what the core needs from the outside, named by capability, failing with values.
 */
@NullMarked
package dev.sportello.application.port.out;

import org.jspecify.annotations.NullMarked;
