package dev.sportello.sandbox;

import tools.jackson.databind.node.ObjectNode;

/** What an endpoint answers, before the HTTP layer (and any injected fault) gets to it. */
sealed interface Reply {

  /** A JSON envelope with its HTTP status. */
  record Body(int status, ObjectNode envelope) implements Reply {}

  /** A document download, streamed straight to the connection. */
  record Document(DocumentArchive archive) implements Reply {}

  static Body ok(ObjectNode envelope) {
    return new Body(200, envelope);
  }

  static Body error(VisengineException error) {
    return new Body(error.row().status, Envelope.failure(error));
  }
}
