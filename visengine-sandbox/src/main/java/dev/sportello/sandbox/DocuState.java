package dev.sportello.sandbox;

/**
 * The {@code state} of a DocuEngine request, which is also its key in {@code timestamps}. The
 * vendor's enum is NEW, SEARCH, WAIT, DONE and CANCELLED; ERROR and FAILED, which clients in the
 * wild report, are only ever reached through the control API, so that clients can test reading
 * them.
 */
enum DocuState {
  NEW,
  SEARCH,
  WAIT,
  DONE,
  CANCELLED,
  ERROR,
  FAILED;

  boolean terminal() {
    return this == DONE || this == CANCELLED || this == ERROR || this == FAILED;
  }
}
