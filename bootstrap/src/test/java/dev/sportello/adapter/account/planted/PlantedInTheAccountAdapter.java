package dev.sportello.adapter.account.planted;

import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.adapter.visengine.planted.PlantedInTheVisengineAdapter;

/**
 * Planted in the Openapi account's adapter, which may use Openapi's HTTP conventions but never see
 * an engine's adapter. Test classes only.
 */
public final class PlantedInTheAccountAdapter {
  private PlantedInTheAccountAdapter() {}

  public static String name() {
    return "account";
  }

  public static final class SeesTheVisengineAdapter {
    public static String other() {
      return PlantedInTheVisengineAdapter.name();
    }
  }

  /** Allowed: the account calls the OAuth service with the engines' HTTP conventions. */
  public static final class UsesOpenapisHttpConventions {
    public static int attempts(RetryPolicy retry) {
      return retry.maxAttempts();
    }
  }
}
