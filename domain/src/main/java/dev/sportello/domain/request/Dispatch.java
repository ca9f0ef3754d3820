package dev.sportello.domain.request;

import io.vavr.control.Option;

/**
 * How far a request got in the two-phase submission upstream: a draft is created (free), then
 * closed (the only charging call). A close whose answer was lost is repeated against the same
 * draft, never with a new one.
 */
public sealed interface Dispatch {

  /**
   * The upstream id, once a draft exists.
   *
   * @return the id, or none before the draft exists
   */
  Option<UpstreamId> upstreamId();

  /** Not closed upstream: nothing charged yet, nothing searched or produced. */
  sealed interface Pending extends Dispatch, RequestState.Reach {
    @Override
    default Dispatch dispatch() {
      return this;
    }
  }

  /**
   * Nothing exists upstream yet (or a draft creation whose answer was lost: it costs nothing and is
   * redone).
   */
  record NotSent() implements Pending {
    @Override
    public Option<UpstreamId> upstreamId() {
      return Option.none();
    }
  }

  /**
   * A draft exists upstream and was not closed yet, or a close was sent and its answer is unknown.
   *
   * @param id the draft's upstream id
   * @param closeAttempts how many closes were sent without a known answer
   */
  record Drafted(UpstreamId id, int closeAttempts) implements Pending {
    /** Checks the components. */
    public Drafted {
      if (closeAttempts < 0) {
        throw new IllegalArgumentException("close attempts are never negative");
      }
    }

    @Override
    public Option<UpstreamId> upstreamId() {
      return Option.some(id);
    }
  }

  /**
   * The request is closed upstream: charged and being processed.
   *
   * @param id the upstream id
   */
  record Closed(UpstreamId id) implements Dispatch {
    @Override
    public Option<UpstreamId> upstreamId() {
      return Option.some(id);
    }
  }
}
