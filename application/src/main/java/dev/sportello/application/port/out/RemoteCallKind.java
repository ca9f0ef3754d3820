package dev.sportello.application.port.out;

/** The kinds of upstream call, as they are counted. */
public enum RemoteCallKind {
  /** Listing the catalogue. */
  CATALOGUE,
  /** Describing one certificate. */
  DESCRIBE,
  /** Checking an order in upstream's test mode. */
  TEST,
  /** Creating a draft. */
  DRAFT,
  /** Closing a draft: the call that charges. */
  CLOSE,
  /** Reading one request. */
  STATUS,
  /** Listing every request of the account. */
  LIST,
  /** Downloading a document. */
  DOCUMENT,
  /** Adding a search round. */
  SEARCH,
  /** Choosing a candidate of a search. */
  SELECTION,
  /** Cancelling a request. */
  CANCEL
}
