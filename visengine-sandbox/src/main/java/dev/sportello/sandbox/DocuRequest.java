package dev.sportello.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One DocuEngine request and everything the simulator knows about it. Mutable, and only ever
 * touched while holding the {@link DocuEngineSimulator}'s lock.
 */
final class DocuRequest {

  enum StepKind {
    /** The search ends: its results can be chosen from. */
    RESULTS,
    /** The document is produced. */
    DONE
  }

  /** A search result: its id (32 hex digits, as in the vendor's example) and its data. */
  record Result(String id, ObjectNode data) {}

  /** Where the request's search is; a document without search never ends one. */
  sealed interface Search {
    /** Still searching, or no search at all: {@code results} is {@code null}. */
    record NotEnded() implements Search {}

    record Ended(List<Result> results) implements Search {
      public Ended {
        results = List.copyOf(results);
      }
    }
  }

  /**
   * The fields a PATCH may change, kept to undo a PATCH that is refused: a copy, which later edits
   * of the request do not reach.
   */
  record Editable(
      Map<String, String> values,
      @Nullable List<String> selectedOptions,
      @Nullable String notifyEmail,
      @Nullable CallbackTarget callback) {
    Editable {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      selectedOptions = selectedOptions == null ? null : List.copyOf(selectedOptions);
    }
  }

  final String id;
  final DocuDocument document;
  final Instant created;
  final Map<String, String> values = new LinkedHashMap<>();
  final EnumMap<DocuState, Instant> reached = new EnumMap<>(DocuState.class);

  /** {@code null} until the client sends some, as the vendor's examples show. */
  @Nullable List<String> selectedOptions;

  @Nullable String notifyEmail;
  @Nullable CallbackTarget callback;
  DocuState state = DocuState.NEW;
  Instant lastUpdate;

  Search searchState = new Search.NotEnded();

  @Nullable String resultId;
  @Nullable String cancellationReason;

  /** {@code null} while the request is to go on normally. */
  @Nullable ScriptedEnd<DocuState> scriptedEnd;

  /** Requested size of each delivered PDF in bytes; 0 means "as small as it naturally is". */
  long documentSize;

  /** The delivered file as last rendered; served while its spec is still {@link #fileSpec()}. */
  @Nullable DocuFile rendered;

  DocuRequest(String id, DocuDocument document, Instant created) {
    this.id = id;
    this.document = document;
    this.created = created;
    this.lastUpdate = created;
  }

  Editable editable() {
    return new Editable(values, selectedOptions, notifyEmail, callback);
  }

  void restore(Editable saved) {
    values.clear();
    values.putAll(saved.values());
    selectedOptions = saved.selectedOptions();
    notifyEmail = saved.notifyEmail();
    callback = saved.callback();
  }

  void enter(DocuState target, Instant at) {
    state = target;
    reached.put(target, at);
    lastUpdate = at;
  }

  BigDecimal optionsPrice() {
    List<String> chosen = selectedOptions;
    if (chosen == null) {
      return BigDecimal.ZERO;
    }
    return chosen.stream()
        .map(document::option)
        .flatMap(Optional::stream)
        .map(DocuDocument.Option::price)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** What the document itself costs with its extras: charged on closing, or on choosing. */
  BigDecimal documentWithOptionsPrice() {
    return document.documentPrice().add(optionsPrice());
  }

  BigDecimal searchPrice() {
    return document.hasSearch() ? document.searchPrice() : BigDecimal.ZERO;
  }

  /** The name of the file the request delivers ({@code <id>_0.pdf}, as the vendor names them). */
  String fileName() {
    return id + "_0.pdf";
  }

  Optional<Result> result(String wanted) {
    return switch (searchState) {
      case Search.NotEnded notEnded -> Optional.empty();
      case Search.Ended ended ->
          ended.results().stream().filter(result -> result.id().equals(wanted)).findFirst();
    };
  }

  /** The full {@code Request} object, in the vendor's property order. */
  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("documentId", document.id());
    ObjectNode search = json.putObject("search");
    values.forEach(search::put);
    if (callback == null) {
      json.putNull("callback");
    } else {
      json.set("callback", callback.toDocuEngineJson());
    }
    json.set("timestamps", timestampsJson());
    json.put("state", state.name());
    ObjectNode readable = json.putObject("readableSearch");
    values.forEach(
        (key, value) -> document.field(key).ifPresent(field -> readable.put(field.name(), value)));
    json.set("optionsPrice", Json.price(optionsPrice()));
    List<String> options = selectedOptions;
    if (options == null) {
      json.putNull("selectedOptions");
    } else {
      ArrayNode array = json.putArray("selectedOptions");
      options.forEach(array::add);
    }
    json.put("notifyEmail", notifyEmail);
    json.put("name", document.name());
    json.put("hasSearch", document.hasSearch());
    json.set("searchPrice", Json.price(searchPrice()));
    json.set("documentPrice", Json.price(document.documentPrice()));
    json.set(
        "totalPrice", Json.price(searchPrice().add(document.documentPrice()).add(optionsPrice())));
    if (state == DocuState.DONE) {
      json.putArray("documents").add(fileName());
    } else {
      json.putNull("documents");
    }
    json.put("resultId", resultId);
    switch (searchState) {
      case Search.NotEnded notEnded -> json.putNull("results");
      case Search.Ended ended -> {
        ArrayNode array = json.putArray("results");
        for (Result result : ended.results()) {
          ObjectNode entry = array.addObject();
          entry.put("id", result.id());
          entry.set("data", result.data().deepCopy());
        }
      }
    }
    if (cancellationReason != null) {
      json.put("cancellationReason", cancellationReason);
    }
    json.put("id", id);
    return json;
  }

  /** The {@code Requests} summary served by {@code GET /requests}. */
  ObjectNode toSummaryJson() {
    ObjectNode json = Json.object();
    json.put("state", state.name());
    json.set("timestamps", timestampsJson());
    json.put("name", document.name());
    json.put("id", id);
    return json;
  }

  private ObjectNode timestampsJson() {
    ObjectNode timestamps = Json.object();
    timestamps.put("creation", created.getEpochSecond());
    reached.forEach((reachedState, at) -> timestamps.put(reachedState.name(), at.getEpochSecond()));
    timestamps.put("lastUpdate", lastUpdate.getEpochSecond());
    return timestamps;
  }

  /** What the file this request delivers is made of (its one {@code documents} entry). */
  DocuFile.Spec fileSpec() {
    List<String> lines = new ArrayList<>();
    lines.add("Documento: " + document.name() + " (" + document.id() + ")");
    lines.add("Richiesta: " + id);
    result(resultId == null ? "" : resultId)
        .ifPresent(result -> lines.add("Risultato scelto: " + result.id()));
    lines.add("Documento generato dal sandbox DocuEngine: non ha valore legale.");
    Instant producedAt = reached.getOrDefault(DocuState.DONE, lastUpdate);
    return new DocuFile.Spec(fileName(), document.name(), lines, producedAt, documentSize);
  }
}
