/**
 * Spending caps: how much each caller may order per calendar day and month, in euros with VAT, and
 * what a refusal over a cap tells the caller.
 */
@NullMarked
package dev.sportello.domain.spending;

import org.jspecify.annotations.NullMarked;
