package dev.sportello.adapter.console;

/** Who may open a route. */
enum Access {
  ANYONE,
  SIGNED_IN
}
