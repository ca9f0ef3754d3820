/** The wiring example of the README, kept compiling and passing. */
@NullMarked
package dev.sportello.application.embedding;

import org.jspecify.annotations.NullMarked;
