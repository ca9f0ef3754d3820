package dev.sportello.domain.rule;

/**
 * Why a rule text could not be read.
 *
 * @param column the 1-based column where reading stopped
 * @param expected what would have been accepted there, such as {@code a field key like $0 or '('}
 * @param message a full sentence for a person, naming the column and what was expected
 */
public record RuleSyntaxError(int column, String expected, String message) {}
