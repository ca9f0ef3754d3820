package dev.sportello.application.port.out;

/** The kinds of upstream call, as they are counted. */
public enum RemoteCallKind {
  CATALOGUE,
  DESCRIBE,
  TEST,
  DRAFT,
  CLOSE,
  STATUS,
  LIST,
  DOCUMENT,
  SEARCH,
  SELECTION,
  CANCEL
}
