package dev.sportello.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request ("richiesta") and everything the simulator knows about it. Mutable, and only ever
 * touched while holding the {@link Simulator}'s lock.
 */
final class SandboxRequest {

  /** The vendor's examples name the internal fulfilment channel here; the sandbox has one. */
  private static final String CHANNEL = "_sandbox";

  /** The result code and text of the request ({@code esito}). */
  record Esito(String code, String info) {
    static final Esito OK = new Esito("0", "OK");
  }

  final String id;
  final Product product;
  final Instant created;
  final Map<String, String> values = new LinkedHashMap<>();
  final Set<String> optionKeys = new LinkedHashSet<>();
  final EnumMap<Stato, Instant> reached = new EnumMap<>(Stato.class);
  final List<SearchRound> searches = new ArrayList<>();
  final List<String> attachments = new ArrayList<>();

  boolean closed;
  Stato stato = Stato.IN_RICERCA;
  Instant lastUpdate;
  @Nullable String emailTarget;
  @Nullable CallbackTarget callback;
  @Nullable String chosenSearchId;
  @Nullable Integer chosenIndex;
  Esito esito = Esito.OK;
  @Nullable String cancellationReason;

  /** {@code null} while the request is to go on normally. */
  @Nullable ScriptedEnd<Esito> scriptedEnd;

  /** Requested size of the delivered ZIP in bytes; 0 means "as small as it naturally is". */
  long documentSize;

  SandboxRequest(String id, Product product, Instant created) {
    this.id = id;
    this.product = product;
    this.created = created;
    this.lastUpdate = created;
  }

  List<Product.Extra> chosenExtras() {
    return optionKeys.stream().map(product::extra).flatMap(Optional::stream).toList();
  }

  BigDecimal extrasPrice() {
    return chosenExtras().stream()
        .map(Product.Extra::price)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Enters a state now, recording when. */
  void enter(Stato target, Instant at) {
    stato = target;
    reached.put(target, at);
    lastUpdate = at;
  }

  boolean awaitingSelection() {
    return closed && product.searchable() && stato == Stato.IN_RICERCA && chosenSearchId == null;
  }

  Optional<SearchRound> search(String searchId) {
    return searches.stream().filter(round -> round.id().equals(searchId)).findFirst();
  }

  /** The full {@code Richiesta} object. */
  ObjectNode toJson() {
    ObjectNode json = summaryFields(true);
    ArrayNode files = json.putArray("allegati");
    attachments.forEach(files::add);
    json.put("timestamp_creation", created.getEpochSecond());
    json.put("timestamp_last_update", lastUpdate.getEpochSecond());
    ObjectNode timestamps = json.putObject("timestamp_stati");
    reached.forEach((state, at) -> timestamps.put(state.timestampKey, at.getEpochSecond()));
    if (callback == null) {
      json.put("callback_data", false);
    } else {
      json.set("callback_data", callback.toVisengineJson());
    }
    List<Product.Extra> extras = chosenExtras();
    if (extras.isEmpty()) {
      json.putNull("opzioni");
    } else {
      ArrayNode options = json.putArray("opzioni");
      for (Product.Extra extra : extras) {
        ObjectNode option = options.addObject();
        option.put("tipo", extra.kind());
        option.set("prezzo", Json.price(extra.price()));
        option.put("nome", extra.key());
      }
    }
    json.put("owner", Simulator.OWNER);
    json.put("sincrona", product.synchronous());
    ArrayNode rounds = json.putArray("ricerche");
    searches.forEach(round -> rounds.add(round.toJson()));
    ObjectNode outcome = json.putObject("esito");
    outcome.put("codice", esito.code());
    outcome.put("info", esito.info());
    if (cancellationReason != null) {
      json.put("motivo_annullamento", cancellationReason);
    }
    return json;
  }

  /** The {@code Richieste} summary served by {@code GET /richiesta}. */
  ObjectNode toSummaryJson() {
    ObjectNode json = summaryFields(false);
    json.put("timestamp_creation", created.getEpochSecond());
    json.put("timestamp_last_update", lastUpdate.getEpochSecond());
    json.put("owner", Simulator.OWNER);
    json.put("sincrona", product.synchronous());
    return json;
  }

  /** The leading fields both shapes share, in the vendor's order. */
  private ObjectNode summaryFields(boolean full) {
    ObjectNode json = Json.object();
    json.put("_id", id);
    json.put("state", closed ? 1 : 0);
    json.put("hash_visura", product.hash());
    json.put("nome", product.name());
    if (full) {
      json.put("callback", CHANNEL);
    }
    json.put("ricerca", product.searchable());
    json.put("id_ricerca", chosenSearchId);
    json.set("prezzo_visura", Json.price(product.documentPrice()));
    json.set(
        "prezzo_ricerca",
        Json.price(product.searchable() ? product.searchPrice() : BigDecimal.ZERO));
    if (chosenIndex == null) {
      json.putNull("indice_ricerca");
    } else {
      json.put("indice_ricerca", chosenIndex.intValue());
    }
    json.put("stato_richiesta", stato.wireName);
    json.put("email_target", emailTarget);
    return json;
  }
}
