package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.Engine;
import java.util.Objects;

/**
 * One engine that sells documents, behind its ports: its certificates are published by it and its
 * requests are processed, synchronised and fetched there.
 *
 * @param engine the engine's name, as each of its certificates and requests carries it
 * @param catalog its catalogue
 * @param requests its requests
 * @param documents its documents
 */
public record Upstream(
    Engine engine, RemoteCatalog catalog, RemoteRequests requests, RemoteDocuments documents) {
  /** Checks that every component is given. */
  public Upstream {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(documents, "documents");
  }

  /**
   * An engine whose one adapter serves all three ports.
   *
   * @param <T> the adapter's type
   * @param engine the engine's name
   * @param adapter the adapter that serves the engine's three ports
   * @return the upstream
   */
  public static <T extends RemoteCatalog & RemoteRequests & RemoteDocuments> Upstream of(
      Engine engine, T adapter) {
    return new Upstream(engine, adapter, adapter, adapter);
  }
}
