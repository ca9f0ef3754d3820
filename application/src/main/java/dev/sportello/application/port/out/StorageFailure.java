package dev.sportello.application.port.out;

/** Why a store could not do what was asked. No driver exception crosses a port. */
public sealed interface StorageFailure {

  /** An explanation for logs and operators; never contains personal values. */
  String message();

  /** Someone else changed the record since it was read: read it again and redo the change. */
  record StaleWrite(String message) implements StorageFailure {}

  /** A record with the same identity exists already. */
  record Duplicate(String message) implements StorageFailure {}

  /** The store is unreachable or failed. */
  record Unavailable(String message) implements StorageFailure {}
}
