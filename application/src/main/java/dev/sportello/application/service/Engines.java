package dev.sportello.application.service;

import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.domain.catalog.Engine;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;

/**
 * The enabled engines, each behind its counted ports. A certificate or request names its engine,
 * and every upstream call for it goes there.
 */
final class Engines {
  private final LinkedHashMap<Engine, CountedRemote> byEngine;

  Engines(List<Upstream> upstreams, RemoteCallObserver observer) {
    this.byEngine =
        LinkedHashMap.ofEntries(
            upstreams.map(upstream ->
                Tuple.of(
                    upstream.engine(),
                    new CountedRemote(
                        upstream.engine(),
                        upstream.catalog(),
                        upstream.requests(),
                        upstream.documents(),
                        observer))));
  }

  /** The enabled engines, in the configured order. */
  List<Engine> enabled() {
    return byEngine.keySet().toList();
  }

  /** Whether the engine is enabled here. */
  boolean isEnabled(Engine engine) {
    return byEngine.containsKey(engine);
  }

  /** Each enabled engine with its ports, in the configured order. */
  List<Tuple2<Engine, CountedRemote>> each() {
    return byEngine.toList();
  }

  /** The engine's ports; an engine that is not enabled here cannot be reached. */
  Either<UseCaseError, CountedRemote> of(Engine engine) {
    return byEngine
        .get(engine)
        .toEither(() ->
            new UseCaseError.UpstreamUnavailable(
                "the " + engine + " engine is not enabled here; enable it to reach its requests"));
  }

  /** The calls made so far to every engine, by kind. */
  Map<RemoteCallKind, Long> counts() {
    return byEngine
        .values()
        .map(CountedRemote::counts)
        .foldLeft(CountedRemote.noCalls(), (total, counts) -> total.merge(counts, Long::sum));
  }
}
