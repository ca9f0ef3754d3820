package dev.sportello.domain.field;

import dev.sportello.domain.shared.Violation;
import io.vavr.control.Validation;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key of one form field, as the engine that published the form assigned it ({@code $0}, {@code
 * field0}, …). It is opaque: nothing is read from it but its text.
 *
 * <p>Keys compare in natural order, runs of digits by their value, so that numbered keys sort as
 * people read them: {@code $2} before {@code $10}, {@code field2} before {@code field10}.
 *
 * @param value the key as published: 1 to 64 letters, digits, {@code $}, {@code _}, {@code -} or
 *     {@code .}
 */
public record FieldKey(String value) implements Comparable<FieldKey> {
  /** Far above any published key, low enough to quote a key whole in a message. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9$_.-]{1," + MAX_LENGTH + "}");

  /** Checks the components. */
  public FieldKey {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a field key is 1 to " + MAX_LENGTH + " letters, digits, '$', '_', '-' or '.'");
    }
  }

  /**
   * Reads a key from untrusted input.
   *
   * @param text the key as given
   * @return the key, or the violation that says why it is malformed
   */
  public static Validation<Violation, FieldKey> parse(String text) {
    if (!SHAPE.matcher(text).matches()) {
      return Validation.invalid(
          Violation.general(
              text.isBlank() || text.length() > MAX_LENGTH ? "values" : text,
              "malformed_key",
              "a field key is 1 to "
                  + MAX_LENGTH
                  + " letters, digits, '$', '_', '-' or '.'; this one is not"));
    }
    return Validation.valid(new FieldKey(text));
  }

  @Override
  public int compareTo(FieldKey other) {
    String left = value;
    String right = other.value;
    // Keys of one form mostly differ only in the digits they end with, such as $3 and $5: between
    // equally long digit tails the first differing digit decides, as their values would.
    if (left.length() == right.length()) {
      int first = 0;
      while (first < left.length() && left.charAt(first) == right.charAt(first)) {
        first++;
      }
      if (first == left.length()) {
        return 0;
      }
      if (NaturalOrder.isDigitsFrom(left, first) && NaturalOrder.isDigitsFrom(right, first)) {
        return Character.compare(left.charAt(first), right.charAt(first));
      }
    }
    int natural = NaturalOrder.compare(left, right);
    return natural != 0 ? natural : left.compareTo(right);
  }

  @Override
  public String toString() {
    return value;
  }

  /** Text compared piece by piece, where a run of digits compares by its numeric value. */
  private static final class NaturalOrder {
    private NaturalOrder() {}

    static int compare(String left, String right) {
      int i = 0;
      int j = 0;
      while (i < left.length() && j < right.length()) {
        char a = left.charAt(i);
        char b = right.charAt(j);
        if (isDigit(a) && isDigit(b)) {
          int endA = digitsEnd(left, i);
          int endB = digitsEnd(right, j);
          int numbers = compareNumbers(left, i, endA, right, j, endB);
          if (numbers != 0) {
            return numbers;
          }
          i = endA;
          j = endB;
        } else {
          if (a != b) {
            return Character.compare(a, b);
          }
          i++;
          j++;
        }
      }
      return Integer.compare(left.length() - i, right.length() - j);
    }

    private static int compareNumbers(
        String left, int startA, int endA, String right, int startB, int endB) {
      int a = skipZeros(left, startA, endA);
      int b = skipZeros(right, startB, endB);
      int lengths = Integer.compare(endA - a, endB - b);
      if (lengths != 0) {
        return lengths;
      }
      // Equal lengths without leading zeros: the first differing digit decides.
      for (int i = a, j = b; i < endA; i++, j++) {
        if (left.charAt(i) != right.charAt(j)) {
          return Character.compare(left.charAt(i), right.charAt(j));
        }
      }
      return 0;
    }

    private static int skipZeros(String text, int start, int end) {
      int position = start;
      while (position < end - 1 && text.charAt(position) == '0') {
        position++;
      }
      return position;
    }

    private static int digitsEnd(String text, int start) {
      int position = start;
      while (position < text.length() && isDigit(text.charAt(position))) {
        position++;
      }
      return position;
    }

    static boolean isDigitsFrom(String text, int start) {
      for (int i = start; i < text.length(); i++) {
        if (!isDigit(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
