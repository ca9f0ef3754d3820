package dev.sportello.application.port.out;

/** Why a store could not do what was asked. No driver exception crosses a port. */
public sealed interface StorageFailure {

  /**
   * An explanation for logs and operators; never contains personal values.
   *
   * @return the explanation
   */
  String message();

  /**
   * Someone else changed the record since it was read: read it again and redo the change.
   *
   * @param message an explanation for logs and operators; never contains personal values
   */
  record StaleWrite(String message) implements StorageFailure {}

  /**
   * A record with the same identity exists already.
   *
   * @param message an explanation for logs and operators; never contains personal values
   */
  record Duplicate(String message) implements StorageFailure {}

  /**
   * The store is unreachable or failed.
   *
   * @param message an explanation for logs and operators; never contains personal values
   */
  record Unavailable(String message) implements StorageFailure {}
}
