/**
 * JMH benchmarks and measuring programs whose figures are published in {@code docs/PERFORMANCE.md}.
 * Every figure there names the class and command that produced it.
 */
@NullMarked
package dev.sportello.benchmarks;

import org.jspecify.annotations.NullMarked;
