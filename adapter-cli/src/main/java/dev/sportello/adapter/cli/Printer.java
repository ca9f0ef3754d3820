package dev.sportello.adapter.cli;

import dev.sportello.domain.request.RequestStatus;
import io.vavr.collection.List;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** How the client commands show the API's answers to people. */
final class Printer {
  /** The attributes a person picks a candidate by, in the order shown. */
  private static final List<String> IDENTIFYING =
      List.of(
          "Denominazione",
          "Cognome",
          "Nome",
          "CodFisc",
          "PIva",
          "Indirizzo.Comune",
          "Indirizzo.Provincia.!");

  private Printer() {}

  static String pathSegment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static void certificate(PrintWriter out, JsonNode certificate) {
    out.println(
        certificate.path("name").asString()
            + "  ("
            + certificate.path("category").asString()
            + ")");
    out.println("id      " + certificate.path("id").asString());
    out.println("engine  " + certificate.path("engine").asString());
    out.println("price   " + quote(certificate.path("quote")));
    out.println(
        "rule    "
            + certificate.path("rule").asString(certificate.path("publishedRule").asString()));
    out.println("fields");
    for (JsonNode field : certificate.path("fields")) {
      out.printf(
          "  %-4s %-45s %-30s %s%n",
          field.path("key").asString(),
          field.path("label").asString(),
          field.path("type").asString(),
          field.path("required").asBoolean() ? "required" : "");
    }
    for (JsonNode extra : certificate.path("extras")) {
      out.println(
          "extra   "
              + extra.path("key").asString()
              + " "
              + extra.path("kind").asString()
              + " +"
              + extra.path("price").path("euros").asString()
              + " EUR");
    }
    for (JsonNode warning : certificate.path("warnings")) {
      out.println(
          "warning " + warning.path("code").asString() + ": " + warning.path("message").asString());
    }
  }

  /**
   * One line, ending with the engine that processes the request, then what a person needs next:
   * candidates, one line each; why it was cancelled or refused (the outcome of a request that went
   * well says nothing more than its status); the document.
   */
  static void request(PrintWriter out, JsonNode request) {
    String status = request.path("status").asString();
    out.println(
        request.path("id").asString()
            + "  "
            + status
            + "  "
            + request.path("certificateName").asString()
            + "  "
            + quote(request.path("quote"))
            + "  on "
            + request.path("engine").asString());
    JsonNode searches = request.path("searches");
    if (status.equals(RequestStatus.AWAITING_SELECTION.name()) && !searches.isEmpty()) {
      JsonNode round = searches.get(searches.size() - 1);
      out.println("  candidates of search " + round.path("searchId").asString() + ":");
      for (JsonNode candidate : round.path("candidates")) {
        candidate(out, candidate);
      }
    }
    JsonNode history = request.path("history");
    if (status.equals(RequestStatus.CANCELLED.name()) && !history.isEmpty()) {
      String note = history.get(history.size() - 1).path("note").asString();
      out.println("  cancelled" + (note.isBlank() ? "" : ": " + note));
    }
    JsonNode outcome = request.path("outcome");
    if (request.hasNonNull("outcome") && !outcome.path("success").asBoolean(false)) {
      out.println(
          "  outcome "
              + outcome.path("code").asString()
              + ": "
              + outcome.path("message").asString());
    }
    if (request.hasNonNull("document")) {
      out.println(
          "  document "
              + request.path("document").path("name").asString()
              + " ("
              + request.path("document").path("sizeBytes").asLong()
              + " bytes)");
    }
  }

  /**
   * A candidate as a block, one attribute a line: first those a person picks a candidate by (the
   * name, the tax code, the VAT number, the municipality), then the rest by key, as the API sorts
   * them.
   *
   * <pre>
   *     [0] Denominazione: ALFA S.R.L.
   *         CodFisc: 01500001019
   *         …
   * </pre>
   */
  private static void candidate(PrintWriter out, JsonNode candidate) {
    Map<String, String> attributes = new LinkedHashMap<>();
    candidate
        .path("attributes")
        .properties()
        .forEach(attribute -> attributes.put(attribute.getKey(), attribute.getValue().asString()));
    List<String> keys =
        IDENTIFYING
            .filter(attributes::containsKey)
            .appendAll(List.ofAll(attributes.keySet()).filter(key -> !IDENTIFYING.contains(key)));
    String first = "    [" + candidate.path("index").asInt() + "] ";
    String indent = " ".repeat(first.length());
    if (keys.isEmpty()) {
      out.println(first.stripTrailing());
    }
    keys.zipWithIndex()
        .forEach(key ->
            out.println((key._2 == 0 ? first : indent) + key._1 + ": " + attributes.get(key._1)));
  }

  static String quote(JsonNode quote) {
    return "total "
        + quote.path("total").path("euros").asString()
        + " EUR (net "
        + quote.path("net").path("euros").asString()
        + " + VAT "
        + quote.path("vat").path("euros").asString()
        + ")";
  }

  /** Such as {@code 12.3 MB}. */
  static String bytes(long count) {
    if (count < 1024) {
      return count + " B";
    }
    if (count < 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f KB", count / 1024.0);
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", count / (1024.0 * 1024));
  }
}
