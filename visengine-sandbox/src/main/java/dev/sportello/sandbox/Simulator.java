package dev.sportello.sandbox;

import dev.sportello.sandbox.SandboxRequest.Esito;
import dev.sportello.sandbox.Wallet.ChargeKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Visengine's behaviour, independent of HTTP: requests, their lifecycle on the sandbox clock, the
 * wallet, searches and documents. Every operation runs under this object's lock, so each API call
 * is atomic: a call that fails changes nothing.
 *
 * <p>Charging: closing a request charges it (document + extras; for search products only the first
 * search, because the document is only produced once a result is chosen). Each added search charges
 * {@code prezzo_ricerca}; choosing a result charges document + extras, which is why the vendor
 * documents a 402 on {@code PUT /richiesta/{id}/ricerche}. Drafts and test requests are never
 * charged, and cancelling does not refund.
 */
final class Simulator {

  static final String OWNER = "sandbox@example.com";

  private static final Pattern FIELD_KEY = Pattern.compile("\\$\\d+");
  private static final String DOTTED_PREFIX = "json_visura.";

  /** A created request and the envelope message ({@code "Test Request, deleting"} for tests). */
  record Created(ObjectNode richiesta, String message) {}

  private final Catalogue catalogue;
  private final CompanyRegistry companies;
  private final SandboxClock clock;
  private final Duration stepDelay;
  private final Wallet wallet;
  private final ObjectIds ids;
  private final Consumer<StatusChange> onStatusChange;
  private final Map<String, SandboxRequest> requests = new LinkedHashMap<>();
  private final OperatorSchedule<SandboxRequest, Stato> schedule = new OperatorSchedule<>();

  Simulator(
      Catalogue catalogue,
      CompanyRegistry companies,
      SandboxClock clock,
      Duration stepDelay,
      Wallet wallet,
      ObjectIds ids,
      Consumer<StatusChange> onStatusChange) {
    this.catalogue = catalogue;
    this.companies = companies;
    this.clock = clock;
    this.stepDelay = stepDelay;
    this.wallet = wallet;
    this.ids = ids;
    this.onStatusChange = onStatusChange;
  }

  Catalogue catalogue() {
    return catalogue;
  }

  Product product(String hash) {
    return catalogue.find(hash).orElseThrow(ApiError.WRONG_HASH::error);
  }

  // ---- GET /richiesta, GET /richiesta/{id}

  synchronized ArrayNode list() {
    tick();
    if (requests.isEmpty()) {
      throw ApiError.NO_REQUESTS.error();
    }
    ArrayNode list = Json.NODES.arrayNode();
    requests.values().forEach(request -> list.add(request.toSummaryJson()));
    return list;
  }

  synchronized ObjectNode get(String id) {
    tick();
    return find(id, ApiError.INVALID_ID, ApiError.NOT_FOUND).toJson();
  }

  // ---- POST /richiesta

  synchronized Created create(ObjectNode body) {
    tick();
    String hash =
        Json.text(body, "hash_visura")
            .map(String::strip)
            .filter(text -> !text.isEmpty())
            .orElseThrow(ApiError.HASH_REQUIRED::error);
    Product product = product(hash);
    Instant now = clock.now();
    SandboxRequest request = new SandboxRequest(ids.next(now), product, now);
    applyEditableFields(request, body, ApiError.INSUFFICIENT_DATA);
    int state = state(body, ApiError.INSUFFICIENT_DATA).orElse(1);
    if (Json.flag(body, "test")) {
      requireValid(request, ApiError.INSUFFICIENT_DATA);
      return new Created(request.toJson(), "Test Request, deleting");
    }
    if (state == 1) {
      close(request, now, ApiError.INSUFFICIENT_DATA);
    }
    requests.put(request.id, request);
    if (request.closed) {
      notifyChange(request);
    }
    return new Created(request.toJson(), "");
  }

  // ---- POST /richiesta/{id}

  synchronized ObjectNode addSearch(String id, ObjectNode body) {
    tick();
    SandboxRequest request = find(id, ApiError.SEARCH_INVALID_ID, ApiError.NOT_FOUND);
    if (!request.product.searchable()) {
      throw ApiError.SEARCH_NOT_ALLOWED.error();
    }
    if (!request.closed) {
      throw ApiError.SEARCH_ON_DRAFT.error();
    }
    if (!request.awaitingSelection()) {
      throw ApiError.SEARCH_NOT_ALLOWED.error("it is " + request.stato.wireName);
    }
    JsonNode input = body.get("json_visura");
    if (input == null || !input.isObject()) {
      throw ApiError.JSON_VISURA_REQUIRED.error();
    }
    Map<String, String> values = values(input);
    List<String> problems = Validation.problems(request.product, values, Set.of());
    if (!problems.isEmpty()) {
      throw ApiError.INSUFFICIENT_DATA.error(String.join("; ", problems));
    }
    Instant now = clock.now();
    wallet.charge(
        request.id,
        ChargeKind.ADDED_SEARCH,
        request.product.searchPrice(),
        now,
        ApiError.CREDIT_SHORT_ON_SEARCH);
    request.values.clear();
    request.values.putAll(values);
    request.reached.clear();
    search(request, now);
    notifyChange(request);
    return request.toJson();
  }

  // ---- PUT /richiesta/{id}

  synchronized ObjectNode update(String id, ObjectNode body) {
    tick();
    SandboxRequest request = find(id, ApiError.UPDATE_NOT_FOUND, ApiError.UPDATE_NOT_FOUND);
    if (request.closed || request.stato == Stato.ANNULLATA) {
      throw ApiError.ALREADY_CLOSED.error();
    }
    Map<String, String> savedValues = new LinkedHashMap<>(request.values);
    Set<String> savedOptions = new LinkedHashSet<>(request.optionKeys);
    String savedEmail = request.emailTarget;
    CallbackTarget savedCallback = request.callback;
    Instant now = clock.now();
    try {
      applyEditableFields(request, body, ApiError.INPUT_ERROR);
      applyDottedFields(request, body);
      if (state(body, ApiError.INPUT_ERROR).orElse(0) == 1) {
        close(request, now, ApiError.INPUT_ERROR);
        notifyChange(request);
      }
    } catch (ApiRefusal refused) {
      request.values.clear();
      request.values.putAll(savedValues);
      request.optionKeys.clear();
      request.optionKeys.addAll(savedOptions);
      request.emailTarget = savedEmail;
      request.callback = savedCallback;
      throw refused;
    }
    if (!request.closed) {
      request.lastUpdate = now;
    }
    return request.toJson();
  }

  // ---- PUT /richiesta/{id}/ricerche

  synchronized ObjectNode choose(String id, ObjectNode body) {
    tick();
    SandboxRequest request = find(id, ApiError.UPDATE_NOT_FOUND, ApiError.UPDATE_NOT_FOUND);
    if (!request.product.searchable()) {
      throw ApiError.NOTHING_TO_CHOOSE.error();
    }
    if (!request.awaitingSelection()) {
      throw ApiError.NOTHING_TO_CHOOSE.error(
          request.closed ? "it is " + request.stato.wireName : "it is still open (state 0)");
    }
    int index = selectedIndex(body).orElseThrow(ApiError.INDEX_REQUIRED::error);
    if (index < 0) {
      throw ApiError.NEGATIVE_INDEX.error();
    }
    String searchId = Json.text(body, "id_ricerca").orElse("").strip();
    SearchRound round =
        request
            .search(searchId)
            .orElseThrow(() -> ApiError.INDEX_REQUIRED.error("unknown id_ricerca " + searchId));
    if (index >= round.candidates().size()) {
      throw ApiError.INDEX_REQUIRED.error(searchId + " has no indice_" + index);
    }
    Instant now = clock.now();
    wallet.charge(
        request.id,
        ChargeKind.SELECTION,
        request.product.documentPrice().add(request.extrasPrice()),
        now,
        ApiError.CREDIT_SHORT_ON_SELECTION);
    request.chosenSearchId = searchId;
    request.chosenIndex = index;
    request.enter(Stato.IN_EROGAZIONE, now);
    scheduleDelivery(request, now);
    notifyChange(request);
    return request.toJson();
  }

  // ---- DELETE /richiesta/{id}

  synchronized ObjectNode cancel(String id, ObjectNode body) {
    tick();
    SandboxRequest request = find(id, ApiError.INVALID_ID, ApiError.NOT_FOUND);
    if (request.stato == Stato.ANNULLATA) {
      return request.toJson();
    }
    if (request.stato.documentReady()) {
      throw ApiError.NOT_CANCELLABLE.error();
    }
    cancelNow(request, Json.text(body, "motivo").orElse(""), clock.now());
    notifyChange(request);
    return request.toJson();
  }

  // ---- GET /documento/{id}

  synchronized DocumentSpec document(String id) {
    tick();
    SandboxRequest request = find(id, ApiError.DOCUMENT_INVALID_ID, ApiError.DOCUMENT_NOT_FOUND);
    if (!request.stato.documentReady() || request.attachments.isEmpty()) {
      throw ApiError.DOCUMENT_NOT_READY.error();
    }
    List<DocumentSpec.Entry> entries = new ArrayList<>();
    List<String> titles = request.product.documentTitles();
    for (int i = 0; i < titles.size(); i++) {
      entries.add(
          new DocumentSpec.Entry(
              request.attachments.get(i), titles.get(i), documentLines(request)));
    }
    Instant producedAt = request.reached.getOrDefault(Stato.DATI_DISPONIBILI, request.lastUpdate);
    return new DocumentSpec(
        request.id, request.product.name(), producedAt, entries, request.documentSize);
  }

  // ---- the operators: time-driven progress

  /** Applies every lifecycle step that is due on the sandbox clock. */
  synchronized void tick() {
    Instant now = clock.now();
    for (Optional<OperatorSchedule.Step<SandboxRequest, Stato>> step = schedule.takeDue(now);
        step.isPresent();
        step = schedule.takeDue(now)) {
      SandboxRequest request = step.get().request();
      reach(request, step.get().kind(), step.get().due());
      notifyChange(request);
    }
  }

  // ---- control

  Instant now() {
    return clock.now();
  }

  /**
   * Makes a request end other than normally: at its next operator step, or at once when it has none
   * pending (a draft, or a search waiting for a choice).
   */
  synchronized ObjectNode scriptEnd(String id, ScriptedEnd<Esito> end) {
    tick();
    SandboxRequest request = find(id, ApiError.INVALID_ID, ApiError.NOT_FOUND);
    if (request.stato == Stato.ANNULLATA || request.stato == Stato.VISURA_EVASA) {
      throw ApiError.BAD_CONTROL_CALL.error("the request has already ended");
    }
    request.scriptedEnd = end;
    if (!schedule.hasPending(request)) {
      endAsScripted(request, end, clock.now());
      notifyChange(request);
    }
    return request.toJson();
  }

  synchronized void setDocumentSize(String id, long bytes) {
    find(id, ApiError.INVALID_ID, ApiError.NOT_FOUND).documentSize = bytes;
  }

  // ---- internals

  /** Visengine names the id in every "not found", and in a malformed id's shared row. */
  private SandboxRequest find(String id, ApiError invalid, ApiError notFound) {
    return ObjectIds.find(
        requests,
        id,
        () -> invalid == notFound ? notFound.error(id) : invalid.error(),
        () -> notFound.error(id));
  }

  /** The fields POST and PUT both accept: values, email, callback and options. */
  private static void applyEditableFields(
      SandboxRequest request, ObjectNode body, ApiError invalid) {
    if (body.has("json_visura")) {
      JsonNode input = body.get("json_visura");
      if (!input.isObject()) {
        throw invalid.error("json_visura must be an object of \"$n\": value");
      }
      request.values.clear();
      request.values.putAll(values(input));
    }
    if (body.has("email_target")) {
      String email = Json.text(body, "email_target").orElse("").strip();
      if (!email.isEmpty() && !FieldType.isEmail(email)) {
        throw ApiError.INVALID_EMAIL.error();
      }
      request.emailTarget = email.isEmpty() ? null : email;
    }
    if (body.has("callback_data")) {
      request.callback =
          CallbackTarget.parseVisengine(body.get("callback_data"), invalid).orElse(null);
    }
    if (body.has("opzioni")) {
      JsonNode options = body.get("opzioni");
      if (!options.isObject() && !options.isNull()) {
        throw invalid.error("opzioni must be an object such as {\"opzione_0\": true}");
      }
      request.optionKeys.clear();
      for (String key : options.propertyNames()) {
        if (Json.flag(options, key)) {
          request.optionKeys.add(key);
        }
      }
    }
  }

  /** PUT's Mongo-style single-field updates: {@code "json_visura.$3": "value"}. */
  private static void applyDottedFields(SandboxRequest request, ObjectNode body) {
    for (Map.Entry<String, JsonNode> property : body.properties()) {
      String name = property.getKey();
      if (!name.startsWith(DOTTED_PREFIX)) {
        continue;
      }
      String key = name.substring(DOTTED_PREFIX.length());
      if (!FIELD_KEY.matcher(key).matches()) {
        throw ApiError.INPUT_ERROR.error(name + " does not name a field ($n)");
      }
      request.values.put(key, valueText(property.getValue()));
    }
  }

  private static Map<String, String> values(JsonNode input) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : input.properties()) {
      values.put(property.getKey(), valueText(property.getValue()));
    }
    return values;
  }

  private static String valueText(JsonNode value) {
    if (value.isNull()) {
      return "";
    }
    return value.isContainer() ? Json.write(value) : value.asString();
  }

  /** {@code state} is 0 or 1 (also as a string); anything else is refused. */
  private static OptionalInt state(ObjectNode body, ApiError invalid) {
    if (!body.has("state") || body.get("state").isNull()) {
      return OptionalInt.empty();
    }
    OptionalInt state = Json.integer(body, "state");
    if (state.isEmpty() || (state.getAsInt() != 0 && state.getAsInt() != 1)) {
      throw invalid.error("state must be 0 or 1");
    }
    return state;
  }

  /** {@code indice} as a number, a numeric string, or the SDK's {@code "indice_N"} key. */
  private static OptionalInt selectedIndex(ObjectNode body) {
    JsonNode node = body.get("indice");
    if (node != null && node.isString() && node.stringValue().startsWith("indice_")) {
      ObjectNode stripped = Json.object();
      stripped.put("indice", node.stringValue().substring("indice_".length()));
      return Json.integer(stripped, "indice");
    }
    return Json.integer(body, "indice");
  }

  private static void requireValid(SandboxRequest request, ApiError invalid) {
    List<String> problems =
        Validation.problems(request.product, request.values, request.optionKeys);
    if (!problems.isEmpty()) {
      throw invalid.error(String.join("; ", problems));
    }
  }

  /** Validates, charges and submits: the transaction's {@code state} becomes 1. */
  private void close(SandboxRequest request, Instant now, ApiError invalid) {
    requireValid(request, invalid);
    Product product = request.product;
    BigDecimal price =
        Wallet.closingCharge(
            product.searchable(),
            product.searchPrice(),
            product.documentPrice().add(request.extrasPrice()));
    wallet.charge(request.id, ChargeKind.CLOSE, price, now, ApiError.CREDIT_SHORT_ON_CLOSE);
    request.closed = true;
    if (product.searchable()) {
      search(request, now);
      return;
    }
    // Products without a search phase pass "In ricerca" at once, with a result-less search.
    request.searches.add(
        new SearchRound(
            request.id + "_0", Json.write(valuesJson(request)), mapped(request), List.of(), false));
    request.enter(Stato.IN_RICERCA, now);
    request.enter(Stato.IN_EROGAZIONE, now);
    scheduleDelivery(request, now);
  }

  /** Runs a search on the request's current values and waits for a choice ("In ricerca"). */
  private void search(SandboxRequest request, Instant now) {
    String searchId = request.id + "_" + request.searches.size();
    CompanyRegistry.Found found =
        companies.search(
            request.values.getOrDefault("$0", ""), request.values.getOrDefault("$1", ""));
    String query = Json.write(valuesJson(request));
    SearchRound round =
        switch (found) {
          case CompanyRegistry.Found.Candidates candidates -> {
            request.esito = Esito.OK;
            yield new SearchRound(searchId, query, mapped(request), candidates.companies(), false);
          }
          case CompanyRegistry.Found.Failure failure -> {
            request.esito = failure.esito();
            yield new SearchRound(searchId, query, mapped(request), List.of(), true);
          }
        };
    request.searches.add(round);
    request.chosenSearchId = null;
    request.chosenIndex = null;
    request.enter(Stato.IN_RICERCA, now);
  }

  private void scheduleDelivery(SandboxRequest request, Instant from) {
    schedule.add(request, from.plus(stepDelay), Stato.DATI_DISPONIBILI);
    schedule.add(request, from.plus(stepDelay.multipliedBy(2)), Stato.VISURA_EVASA);
  }

  /** An operator step, unless the request is scripted to end here instead. */
  private void reach(SandboxRequest request, Stato target, Instant at) {
    ScriptedEnd<Esito> end = request.scriptedEnd;
    if (end != null) {
      endAsScripted(request, end, at);
      return;
    }
    request.enter(target, at);
    if (target == Stato.DATI_DISPONIBILI) {
      request.attachments.clear();
      for (int i = 0; i < request.product.documentTitles().size(); i++) {
        request.attachments.add(request.id + (i == 0 ? "" : "_" + i) + ".pdf");
      }
    }
  }

  private void endAsScripted(SandboxRequest request, ScriptedEnd<Esito> end, Instant at) {
    switch (end) {
      case ScriptedEnd.Cancelled<Esito> cancelled -> cancelNow(request, cancelled.reason(), at);
      case ScriptedEnd.Failed<Esito> failed -> {
        schedule.clear(request);
        request.esito = failed.failure();
        request.attachments.clear();
        request.enter(Stato.VISURA_EVASA, at);
      }
    }
    request.scriptedEnd = null;
  }

  private void cancelNow(SandboxRequest request, String reason, Instant at) {
    schedule.clear(request);
    request.cancellationReason = reason;
    request.enter(Stato.ANNULLATA, at);
  }

  private static ObjectNode valuesJson(SandboxRequest request) {
    ObjectNode json = Json.object();
    request.values.forEach(json::put);
    return json;
  }

  /** {@code json_mappato}: submitted values keyed by their field's label. */
  private static ObjectNode mapped(SandboxRequest request) {
    ObjectNode json = Json.object();
    request.values.forEach(
        (key, value) -> request.product.labelOf(key).ifPresent(label -> json.put(label, value)));
    return json;
  }

  /** What the generated PDF says besides its title; no personal values, only the request. */
  private static List<String> documentLines(SandboxRequest request) {
    List<String> lines = new ArrayList<>();
    lines.add("Prodotto: " + request.product.name() + " (" + request.product.hash() + ")");
    lines.add("Richiesta: " + request.id);
    chosenCandidate(request)
        .ifPresent(company ->
            lines.add(
                "Impresa: "
                    + company.path("Denominazione").asString()
                    + " - P.IVA "
                    + company.path("PIva").asString()));
    lines.add("Documento generato dal sandbox Visengine: non ha valore legale.");
    return lines;
  }

  private static Optional<JsonNode> chosenCandidate(SandboxRequest request) {
    @Nullable String searchId = request.chosenSearchId;
    @Nullable Integer index = request.chosenIndex;
    if (searchId == null || index == null) {
      return Optional.empty();
    }
    return request.search(searchId).map(round -> round.candidates().get(index));
  }

  private void notifyChange(SandboxRequest request) {
    StatusChange.of(request.id, request.callback, request::toJson, "stato_richiesta")
        .ifPresent(onStatusChange);
  }
}
