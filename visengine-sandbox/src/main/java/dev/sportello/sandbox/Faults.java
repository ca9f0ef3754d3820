package dev.sportello.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faults armed through the control API, consumed by the next calls of a route. A route is named
 * {@code "METHOD /template"}, e.g. {@code "PUT /richiesta/{id}"}, or {@code "*"} for every API
 * route.
 */
final class Faults {

  static final String ANY_ROUTE = "*";

  /** What happens to a call that a fault hits. */
  sealed interface Fault {
    /** Answer {@code status} with the error envelope before anything is done. */
    record Failure(int status) implements Fault {}

    /** Wait before handling the call. */
    record Delay(Duration delay) implements Fault {}

    /** Handle the call (state changes are committed), then close the connection unanswered. */
    record Drop() implements Fault {}

    /** Serve a downloaded file with one byte changed: its size holds, its MD5 does not. */
    record Corrupt() implements Fault {}

    /** Serve the first half of a downloaded file, then close the connection. */
    record Truncate() implements Fault {}
  }

  /** A fault waiting for calls; {@code remaining} 0 means every call until cleared. */
  private static final class Armed {
    final String route;
    final Fault fault;
    final boolean forever;
    int remaining;

    Armed(String route, Fault fault, int times) {
      this.route = route;
      this.fault = fault;
      this.forever = times == 0;
      this.remaining = times;
    }
  }

  private final List<Armed> armed = new ArrayList<>();

  synchronized void arm(String route, Fault fault, int times) {
    armed.add(new Armed(route, fault, times));
  }

  synchronized void clear() {
    armed.clear();
  }

  /** The faults that hit this call of {@code route}, each one used up once. */
  synchronized List<Fault> take(String route) {
    List<Fault> hits = new ArrayList<>();
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed candidate = it.next();
      if (candidate.route.equals(route) || candidate.route.equals(ANY_ROUTE)) {
        hits.add(candidate.fault);
        if (!candidate.forever && --candidate.remaining == 0) {
          it.remove();
        }
      }
    }
    return hits;
  }

  synchronized ArrayNode toJson() {
    ArrayNode list = Json.NODES.arrayNode();
    for (Armed fault : armed) {
      ObjectNode json = list.addObject();
      json.put("route", fault.route);
      switch (fault.fault) {
        case Fault.Failure failure -> {
          json.put("type", "fail");
          json.put("status", failure.status());
        }
        case Fault.Delay delay -> {
          json.put("type", "delay");
          json.put("millis", delay.delay().toMillis());
        }
        case Fault.Drop drop -> json.put("type", "drop");
        case Fault.Corrupt corrupt -> json.put("type", "corrupt");
        case Fault.Truncate truncate -> json.put("type", "truncate");
      }
      json.put("times", fault.forever ? 0 : fault.remaining);
    }
    return list;
  }
}
