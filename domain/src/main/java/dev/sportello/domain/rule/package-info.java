/** The requirement rule (validazione): its syntax tree, parser, evaluation and explanations. */
@NullMarked
package dev.sportello.domain.rule;

import org.jspecify.annotations.NullMarked;
