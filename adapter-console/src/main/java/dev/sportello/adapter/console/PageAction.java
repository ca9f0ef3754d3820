package dev.sportello.adapter.console;

/** What a route of the console does for a visit that passed its checks. */
@FunctionalInterface
interface PageAction {
  void handle(Visit visit);
}
