package dev.sportello.domain.webhook;

/** Where a webhook delivery stands. */
public enum DeliveryState {
  /** Waiting for its next attempt. */
  PENDING,
  /** The receiver took it. */
  DELIVERED,
  /** Given up: its retries ran out, the receiver said it is gone, or the endpoint was removed. */
  FAILED
}
