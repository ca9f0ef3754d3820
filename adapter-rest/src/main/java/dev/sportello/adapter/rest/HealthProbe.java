package dev.sportello.adapter.rest;

/**
 * Says whether something the service needs can be reached right now. A probe that throws, or that
 * does not answer within the readiness timeout, counts as unhealthy.
 */
@FunctionalInterface
public interface HealthProbe {

  /** Whether it is reachable now. */
  boolean healthy();
}
