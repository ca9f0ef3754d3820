/**
 * The requirement rule a form publishes: its syntax tree, parser, evaluation and explanations. The
 * engines share one grammar over their own field keys ({@code $0 && $1}, {@code field0 && field1}).
 */
@NullMarked
package dev.sportello.domain.rule;

import org.jspecify.annotations.NullMarked;
