package dev.sportello.sandbox;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One element of {@code ricerche[]}: the inputs of a search and what it found.
 *
 * @param query {@code json_ricerca}, the submitted values as a JSON string
 * @param mapped {@code json_mappato}, the same values keyed by field label
 * @param candidates the results to choose from; empty for products without a search phase
 * @param failed whether the search ended in "Errore su richiesta dati"
 */
record SearchRound(
    String id, String query, ObjectNode mapped, List<JsonNode> candidates, boolean failed) {

  SearchRound {
    candidates = List.copyOf(candidates);
  }

  String outcome() {
    return failed ? "Errore su richiesta dati" : "Ricerca evasa";
  }

  /** {@code json_risultato}: a JSON <em>string</em> of {@code {"indice_0": …, "indice_1": …}}. */
  @Nullable String resultJson() {
    if (candidates.isEmpty()) {
      return null;
    }
    ObjectNode result = Json.object();
    for (int index = 0; index < candidates.size(); index++) {
      result.set("indice_" + index, candidates.get(index));
    }
    return Json.write(result);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("id_ricerca", id);
    json.put("stato_ricerca", outcome());
    json.put("json_ricerca", query);
    json.set("json_mappato", mapped.deepCopy());
    json.put("json_risultato", resultJson());
    return json;
  }
}
