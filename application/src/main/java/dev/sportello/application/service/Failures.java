package dev.sportello.application.service;

import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.LifecycleError;

/** Translates port failures into what callers of the use cases see. */
final class Failures {
  private Failures() {}

  static UseCaseError of(StorageFailure failure) {
    return switch (failure) {
      case StorageFailure.StaleWrite stale ->
          new UseCaseError.ConcurrentChange("the request changed meanwhile; try again");
      // The services settle the duplicates they expect; one that reaches a caller lost a race.
      case StorageFailure.Duplicate duplicate ->
          new UseCaseError.ConcurrentChange(duplicate.message());
      case StorageFailure.Unavailable unavailable ->
          new UseCaseError.StorageUnavailable(unavailable.message());
    };
  }

  static UseCaseError of(RemoteFailure failure) {
    return switch (failure) {
      case RemoteFailure.Rejected rejected ->
          new UseCaseError.UpstreamRejected(rejected.code(), rejected.message());
      case RemoteFailure.InsufficientCredit credit ->
          new UseCaseError.PaymentRequired(credit.message());
      case RemoteFailure.NotFound notFound -> new UseCaseError.NotFound(notFound.message());
      case RemoteFailure.AlreadyClosed closed ->
          new UseCaseError.UpstreamConflict(closed.message());
      case RemoteFailure.Conflict conflict -> new UseCaseError.UpstreamConflict(conflict.message());
      case RemoteFailure.NotReady notReady -> new UseCaseError.NotReady(notReady.message());
      case RemoteFailure.AccessDenied denied ->
          new UseCaseError.UpstreamUnavailable(
              "upstream refused our credentials: " + denied.message());
      case RemoteFailure.Unavailable unavailable ->
          new UseCaseError.UpstreamUnavailable(unavailable.message());
      case RemoteFailure.OutcomeUnknown unknown ->
          new UseCaseError.UpstreamUnavailable(
              "upstream did not answer in time; the request will be checked again: "
                  + unknown.message());
      case RemoteFailure.Malformed malformed ->
          new UseCaseError.UpstreamUnavailable(
              "upstream answered unreadably: " + malformed.message());
    };
  }

  static UseCaseError of(LifecycleError error) {
    return new UseCaseError.LifecycleRefused(error);
  }

  /**
   * An explanation of a failure that is safe to log. Upstream's own words can repeat submitted
   * values, so failures that may carry them are named by kind only; the store's and the lifecycle's
   * messages never hold personal values.
   */
  static String described(UseCaseError error) {
    return switch (cause(error)) {
      case STORAGE, LIFECYCLE, CONCURRENT_CHANGE, INVALID_DATA -> error.message();
      case UPSTREAM, NOT_FOUND -> error.getClass().getSimpleName();
    };
  }

  /** What kind of failure stopped background work, for operators. */
  static BackgroundFailure.Cause cause(UseCaseError error) {
    return switch (error) {
      case UseCaseError.InvalidInput invalid -> BackgroundFailure.Cause.INVALID_DATA;
      case UseCaseError.KeyReusedWithAnotherBody reused -> BackgroundFailure.Cause.INVALID_DATA;
      case UseCaseError.NotFound notFound -> BackgroundFailure.Cause.NOT_FOUND;
      case UseCaseError.StillBeingCreated creating -> BackgroundFailure.Cause.CONCURRENT_CHANGE;
      case UseCaseError.ConcurrentChange changed -> BackgroundFailure.Cause.CONCURRENT_CHANGE;
      case UseCaseError.LifecycleRefused refused -> BackgroundFailure.Cause.LIFECYCLE;
      case UseCaseError.UpstreamConflict conflict -> BackgroundFailure.Cause.UPSTREAM;
      case UseCaseError.NotReady notReady -> BackgroundFailure.Cause.UPSTREAM;
      // Only a submission meets a cap, never background work.
      case UseCaseError.SpendingCapReached reached -> BackgroundFailure.Cause.INVALID_DATA;
      case UseCaseError.PaymentRequired payment -> BackgroundFailure.Cause.UPSTREAM;
      case UseCaseError.UpstreamRejected rejected -> BackgroundFailure.Cause.UPSTREAM;
      case UseCaseError.UpstreamUnavailable unavailable -> BackgroundFailure.Cause.UPSTREAM;
      case UseCaseError.StorageUnavailable unavailable -> BackgroundFailure.Cause.STORAGE;
    };
  }
}
