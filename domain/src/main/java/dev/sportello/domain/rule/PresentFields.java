package dev.sportello.domain.rule;

/**
 * Which of a form's fields have a value, by each field's index in the form: the set a {@link
 * BoundRule} is evaluated against. Built once per submission with a {@link Builder}, then fixed.
 */
public final class PresentFields {
  private final int size;
  private final long[] words;

  private PresentFields(int size, long[] words) {
    this.size = size;
    this.words = words;
  }

  /**
   * Starts an empty set over a form's fields.
   *
   * @param size how many fields the form has; indexes run from 0 to {@code size - 1}
   * @return the builder
   */
  public static Builder builder(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("a form has no negative number of fields");
    }
    return new Builder(size);
  }

  /**
   * How many fields the form has, present or not.
   *
   * @return the number of fields of the form
   */
  public int size() {
    return size;
  }

  /**
   * Whether the field at the given index has a value.
   *
   * @param index the field's index
   * @return true when the field has a value
   */
  public boolean contains(int index) {
    return (words[checked(index, size) >>> 6] & (1L << index)) != 0;
  }

  /** The set as 64-field words, for the bound rule's masks; never written to. */
  long[] words() {
    return words;
  }

  private static int checked(int index, int size) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("no field " + index + " in a form of " + size);
    }
    return index;
  }

  /** Collects the present fields. */
  public static final class Builder {
    private final int size;
    private final long[] words;

    private Builder(int size) {
      this.size = size;
      this.words = new long[(size + 63) >>> 6];
    }

    /**
     * Marks the field at the given index as having a value.
     *
     * @param index the field's index
     * @return this builder
     */
    public Builder add(int index) {
      words[checked(index, size) >>> 6] |= 1L << index;
      return this;
    }

    /**
     * The set as it stands: later additions to this builder do not change it.
     *
     * @return the set
     */
    public PresentFields build() {
      return new PresentFields(size, words.clone());
    }
  }
}
