/** Inbound ports: one interface per use case, with its command or query and its result. */
@NullMarked
package dev.sportello.application.port.in;

import org.jspecify.annotations.NullMarked;
