/** The composition root: wiring and the command line. */
@NullMarked
package dev.sportello.bootstrap;

import org.jspecify.annotations.NullMarked;
