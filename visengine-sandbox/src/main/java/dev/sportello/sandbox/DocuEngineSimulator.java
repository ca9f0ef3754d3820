package dev.sportello.sandbox;

import dev.sportello.sandbox.DocuRequest.StepKind;
import dev.sportello.sandbox.Wallet.ChargeKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DocuEngine's behaviour, independent of HTTP: documents, requests and their lifecycle on the
 * sandbox clock (the same clock, operators' pace, wallet and id generator as the Visengine side).
 * Every operation runs under this object's lock, so each API call is atomic: a call that fails
 * changes nothing.
 *
 * <p>Charging: closing a request ({@code POST /requests} without {@code state}, or {@code PATCH
 * {"state": "SEARCH"}} on a NEW one) charges the document and its options, or only the search for a
 * document with a search phase; choosing a result ({@code PATCH {"resultId": …}}) then charges the
 * document and its options. Drafts are never charged, a refused call never is, and a cancelled
 * request is not refunded.
 */
final class DocuEngineSimulator {

  private static final String DOTTED_PREFIX = "search.";

  /**
   * The vendor documents no limits; the sandbox sets some so that no body can make it hold or echo
   * without bound: a value of a text field takes 1 KB, a file 8 MB of base64 (6 MB of content).
   */
  static final int MAX_VALUE_CHARACTERS = 1024;

  static final int MAX_FILE_CHARACTERS = 8 * 1024 * 1024;
  static final int MAX_SELECTED_OPTIONS = 32;

  private final DocuCatalogue catalogue;
  private final SandboxClock clock;
  private final Duration stepDelay;
  private final Wallet wallet;
  private final ObjectIds ids;
  private final Consumer<StatusChange> onStatusChange;
  private final Function<DocuFile.Spec, DocuFile> renderer;
  private final Map<String, DocuRequest> requests = new LinkedHashMap<>();
  private final OperatorSchedule<DocuRequest, StepKind> schedule = new OperatorSchedule<>();
  private final Set<String> unavailable = new HashSet<>();

  DocuEngineSimulator(
      DocuCatalogue catalogue,
      SandboxClock clock,
      Duration stepDelay,
      Wallet wallet,
      ObjectIds ids,
      Consumer<StatusChange> onStatusChange,
      Function<DocuFile.Spec, DocuFile> renderer) {
    this.catalogue = catalogue;
    this.clock = clock;
    this.stepDelay = stepDelay;
    this.wallet = wallet;
    this.ids = ids;
    this.onStatusChange = onStatusChange;
    this.renderer = renderer;
  }

  Instant now() {
    return clock.now();
  }

  // ---- GET /documents

  ArrayNode documents() {
    ArrayNode list = Json.NODES.arrayNode();
    catalogue.documents().forEach(document -> list.add(document.served().deepCopy()));
    return list;
  }

  // ---- GET /requests, GET /requests/{id}

  synchronized ArrayNode list() {
    tick();
    if (requests.isEmpty()) {
      throw ApiError.NO_DOCUENGINE_REQUESTS.error();
    }
    ArrayNode list = Json.NODES.arrayNode();
    requests.values().forEach(request -> list.add(request.toSummaryJson()));
    return list;
  }

  synchronized ObjectNode get(String id) {
    tick();
    return find(id, ApiError.REQUEST_ID_NOT_VALID, ApiError.REQUEST_NOT_FOUND).toJson();
  }

  // ---- POST /requests

  synchronized ObjectNode create(ObjectNode body) {
    tick();
    DocuDocument document =
        catalogue
            .find(Json.text(body, "documentId").orElse("").strip())
            .orElseThrow(ApiError.WRONG_DOCUMENT_ID::error);
    boolean draft = isDraft(body);
    Instant now = clock.now();
    DocuRequest request = new DocuRequest(ids.next(now), document, now);
    applyEdits(request, body);
    if (unavailable.contains(document.id())) {
      throw ApiError.DOCUMENT_UNAVAILABLE.error(document.name());
    }
    if (draft) {
      request.enter(DocuState.NEW, now);
    } else {
      close(request, now);
    }
    requests.put(request.id, request);
    if (!draft) {
      notifyChange(request);
    }
    return request.toJson();
  }

  /** {@code state} is "NEW" (a draft) or absent (closed at once). */
  private static boolean isDraft(ObjectNode body) {
    JsonNode state = body.get("state");
    if (state == null || state.isNull()) {
      return false;
    }
    if (state.isString() && state.stringValue().strip().equals(DocuState.NEW.name())) {
      return true;
    }
    throw ApiError.NO_FIELDS_ACCEPTED.error("state must be NEW or left out");
  }

  // ---- PATCH /requests/{id}

  synchronized ObjectNode patch(String id, ObjectNode body) {
    tick();
    DocuRequest request = find(id, ApiError.PATCH_ID_NOT_VALID, ApiError.PATCH_ID_NOT_VALID);
    if (body.has("resultId")) {
      return choose(request, body);
    }
    if (request.state != DocuState.NEW) {
      throw ApiError.NO_FIELDS_ACCEPTED.error(
          "the request is " + request.state + ": only a NEW request can be changed or closed");
    }
    DocuRequest.Editable before = request.editable();
    Instant now = clock.now();
    try {
      boolean accepted = applyEdits(request, body);
      boolean close = false;
      if (body.has("state") && !body.get("state").isNull()) {
        // PatchBody.state's enum is SEARCH alone: a PATCH closes a draft or leaves state out.
        if (!Json.text(body, "state").orElse("").strip().equals(DocuState.SEARCH.name())) {
          throw ApiError.NO_FIELDS_ACCEPTED.error("state must be SEARCH");
        }
        close = true;
        accepted = true;
      }
      if (!accepted) {
        throw ApiError.NO_FIELDS_ACCEPTED.error();
      }
      if (close) {
        if (unavailable.contains(request.document.id())) {
          throw ApiError.DOCUMENT_UNAVAILABLE_ON_PATCH.error(request.document.name());
        }
        close(request, now);
        notifyChange(request);
      } else {
        request.lastUpdate = now;
      }
    } catch (ApiRefusal refused) {
      request.restore(before);
      throw refused;
    }
    return request.toJson();
  }

  private ObjectNode choose(DocuRequest request, ObjectNode body) {
    String resultId = Json.text(body, "resultId").orElse("").strip();
    if (resultId.isEmpty()) {
      throw ApiError.PATCH_ID_REQUIRED.error("resultId");
    }
    if (!request.document.hasSearch()) {
      throw ApiError.NO_RESULTS_TO_CHOOSE.error();
    }
    if (request.state != DocuState.SEARCH
        || !(request.searchState instanceof DocuRequest.Search.Ended)) {
      throw ApiError.NO_RESULTS_TO_CHOOSE.error(
          request.state == DocuState.SEARCH
              ? "the search has not ended yet"
              : "the request is " + request.state);
    }
    if (request.result(resultId).isEmpty()) {
      throw ApiError.NO_FIELDS_ACCEPTED.error(
          Echo.of(resultId) + " is not one of the request's results");
    }
    if (unavailable.contains(request.document.id())) {
      throw ApiError.DOCUMENT_UNAVAILABLE_ON_PATCH.error(request.document.name());
    }
    Instant now = clock.now();
    wallet.charge(
        request.id,
        ChargeKind.SELECTION,
        request.documentWithOptionsPrice(),
        now,
        ApiError.BILLING_REFUSED);
    request.resultId = resultId;
    request.enter(DocuState.WAIT, now);
    schedule.add(request, now.plus(stepDelay), StepKind.DONE);
    notifyChange(request);
    return request.toJson();
  }

  // ---- GET /requests/{id}/documents and the storage behind it

  List<DocuFile> files(String id) {
    return List.of(rendered(delivered(id)));
  }

  private synchronized DocuRequest delivered(String id) {
    tick();
    DocuRequest request = find(id, ApiError.REQUEST_ID_NOT_VALID, ApiError.REQUEST_NOT_FOUND);
    if (request.state != DocuState.DONE) {
      throw ApiError.FILES_NOT_READY.error();
    }
    return request;
  }

  /** A delivered file by name, for the storage that serves the signed URLs. */
  Optional<DocuFile> file(String fileName) {
    return deliveredAs(fileName).map(this::rendered);
  }

  private synchronized Optional<DocuRequest> deliveredAs(String fileName) {
    int separator = fileName.indexOf('_');
    DocuRequest request = separator < 0 ? null : requests.get(fileName.substring(0, separator));
    return request == null
            || request.state != DocuState.DONE
            || !request.fileName().equals(fileName)
        ? Optional.empty()
        : Optional.of(request);
  }

  /**
   * The request's file, rendered outside the lock (its MD5 reads every byte, seconds for the
   * largest sizes, and no other call should wait for that) and kept under the lock for later calls
   * while the request's spec stays the same. Two first calls at once may both render it.
   */
  private DocuFile rendered(DocuRequest request) {
    DocuFile.Spec spec;
    synchronized (this) {
      spec = request.fileSpec();
      DocuFile kept = request.rendered;
      if (kept != null && kept.spec().equals(spec)) {
        return kept;
      }
    }
    DocuFile file = renderer.apply(spec);
    synchronized (this) {
      if (request.fileSpec().equals(spec)) {
        request.rendered = file;
      }
    }
    return file;
  }

  // ---- the operators: time-driven progress

  synchronized void tick() {
    Instant now = clock.now();
    for (Optional<OperatorSchedule.Step<DocuRequest, StepKind>> step = schedule.takeDue(now);
        step.isPresent();
        step = schedule.takeDue(now)) {
      DocuRequest request = step.get().request();
      reach(request, step.get());
      notifyChange(request);
    }
  }

  // ---- control

  synchronized boolean has(String id) {
    return requests.containsKey(id);
  }

  /**
   * Makes a request end other than normally: at its next operator step, or at once when it has none
   * pending (a draft, or a search waiting for a choice).
   */
  synchronized ObjectNode scriptEnd(String id, ScriptedEnd<DocuState> end) {
    tick();
    DocuRequest request = find(id, ApiError.REQUEST_ID_NOT_VALID, ApiError.REQUEST_NOT_FOUND);
    if (request.state.terminal()) {
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
    DocuRequest request = find(id, ApiError.REQUEST_ID_NOT_VALID, ApiError.REQUEST_NOT_FOUND);
    request.documentSize = bytes;
  }

  /** Makes a document refuse new requests (417) until it is available again. */
  synchronized void setAvailable(String documentId, boolean available) {
    DocuDocument document =
        catalogue.find(documentId).orElseThrow(ApiError.WRONG_DOCUMENT_ID::error);
    if (available) {
      unavailable.remove(document.id());
    } else {
      unavailable.add(document.id());
    }
  }

  // ---- internals

  /** DocuEngine's "id not valid" rows name no id, its "not found" rows do. */
  private DocuRequest find(String id, ApiError invalid, ApiError notFound) {
    return ObjectIds.find(
        requests,
        id,
        invalid::error,
        () -> notFound == invalid ? notFound.error() : notFound.error(id));
  }

  /**
   * The fields POST and PATCH both accept: {@code search} (whole, or one field as {@code
   * search.fieldN} on PATCH), {@code notifyEmail}, {@code callback} and {@code selectedOptions}.
   * One rule for the keys of {@code search} and of {@code search.fieldN} alike: those that name no
   * field of the document are dropped, and a body whose every such key names none is refused
   * (400/300).
   *
   * @return whether the body held anything to change
   */
  private static boolean applyEdits(DocuRequest request, ObjectNode body) {
    boolean accepted = false;
    DocuDocument document = request.document;
    if (body.has("search") && !body.get("search").isNull()) {
      JsonNode search = body.get("search");
      if (!search.isObject()) {
        throw ApiError.SEARCH_NOT_KEY_VALUE.error();
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> property : search.properties()) {
        Optional<DocuDocument.Field> field = document.field(property.getKey());
        if (field.isPresent()) {
          values.put(property.getKey(), valueText(field.get(), property.getValue()));
        }
      }
      if (values.isEmpty() && !search.isEmpty()) {
        throw noneIsAField(search.propertyNames());
      }
      request.values.clear();
      request.values.putAll(values);
      accepted = true;
    }
    Map<String, String> edited = new LinkedHashMap<>();
    List<String> dotted = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : body.properties()) {
      String name = property.getKey();
      if (name.startsWith(DOTTED_PREFIX)) {
        dotted.add(name);
        String key = name.substring(DOTTED_PREFIX.length());
        Optional<DocuDocument.Field> field = document.field(key);
        if (field.isPresent()) {
          edited.put(key, valueText(field.get(), property.getValue()));
        }
      }
    }
    if (!dotted.isEmpty()) {
      if (edited.isEmpty()) {
        throw noneIsAField(dotted);
      }
      request.values.putAll(edited);
      accepted = true;
    }
    if (body.has("notifyEmail")) {
      String email = Json.text(body, "notifyEmail").orElse("").strip();
      if (!email.isEmpty() && !FieldType.isEmail(email)) {
        throw ApiError.NO_FIELDS_ACCEPTED.error("notifyEmail is not an email address");
      }
      request.notifyEmail = email.isEmpty() ? null : email;
      accepted = true;
    }
    if (body.has("callback")) {
      request.callback = CallbackTarget.parseDocuEngine(body.get("callback")).orElse(null);
      accepted = true;
    }
    if (body.has("selectedOptions")) {
      request.selectedOptions = optionNames(body.get("selectedOptions"));
      accepted = true;
    }
    return accepted;
  }

  private static ApiRefusal noneIsAField(Collection<String> keys) {
    return ApiError.NO_FIELDS_ACCEPTED.error(
        "none of " + Echo.of(keys) + " is a field of the document");
  }

  /** The option names sent; {@code null} (none chosen) is echoed back as {@code null}. */
  private static @Nullable List<String> optionNames(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw ApiError.NO_FIELDS_ACCEPTED.error("selectedOptions must be an array of option names");
    }
    if (node.size() > MAX_SELECTED_OPTIONS) {
      throw ApiError.NO_FIELDS_ACCEPTED.error(
          "selectedOptions names at most " + MAX_SELECTED_OPTIONS + " options");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode name : node) {
      if (!name.isString()) {
        throw ApiError.NO_FIELDS_ACCEPTED.error("selectedOptions must be an array of option names");
      }
      names.add(name.stringValue().strip());
    }
    return names;
  }

  /** A value as text, refused when it is an object or longer than its field takes. */
  private static String valueText(DocuDocument.Field field, JsonNode value) {
    if (value.isNull()) {
      return "";
    }
    if (value.isContainer()) {
      throw ApiError.SEARCH_NOT_KEY_VALUE.error();
    }
    String text = value.asString();
    int limit = field.type().equals("file") ? MAX_FILE_CHARACTERS : MAX_VALUE_CHARACTERS;
    if (text.length() > limit) {
      throw ApiError.NO_FIELDS_ACCEPTED.error(
          field.key() + " (" + field.name() + ") takes at most " + limit + " characters");
    }
    return text;
  }

  /** Validates, refuses what the register would, charges, and passes the request on. */
  private void close(DocuRequest request, Instant now) {
    List<String> problems = problems(request);
    if (!problems.isEmpty()) {
      throw ApiError.NO_FIELDS_ACCEPTED.error(String.join("; ", problems));
    }
    Optional<ApiRefusal> refusal = RegisterFilings.refusal(request.document, request.values);
    if (refusal.isPresent()) {
      throw refusal.get();
    }
    boolean search = request.document.hasSearch();
    BigDecimal price =
        Wallet.closingCharge(search, request.searchPrice(), request.documentWithOptionsPrice());
    wallet.charge(request.id, ChargeKind.CLOSE, price, now, ApiError.BILLING_REFUSED);
    request.enter(search ? DocuState.SEARCH : DocuState.WAIT, now);
    schedule.add(request, now.plus(stepDelay), search ? StepKind.RESULTS : StepKind.DONE);
  }

  /**
   * Every reason the request cannot be processed: a required field left empty, the validation rule
   * unmet, a value that does not fit its field, an option the document does not offer.
   */
  private static List<String> problems(DocuRequest request) {
    DocuDocument document = request.document;
    Set<String> present =
        request.values.entrySet().stream()
            .filter(entry -> !entry.getValue().isBlank())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (DocuDocument.Field field : document.fields()) {
      String value = request.values.getOrDefault(field.key(), "");
      if (value.isBlank()) {
        if (field.required()) {
          problems.add(field.key() + " (" + field.name() + ") is required");
        }
      } else {
        field
            .problem(value)
            .ifPresent(expected ->
                problems.add(field.key() + " (" + field.name() + ") must be " + expected));
      }
    }
    if (!document.rule().isSatisfiedBy(present)) {
      Set<String> missing = document.rule().cheapestMissing(present);
      problems.add(
          missing.isEmpty()
              ? "the validation rule of this document cannot be satisfied"
              : "validation requires " + String.join(", ", missing));
    }
    List<String> options = request.selectedOptions;
    if (options != null) {
      List<String> unknown =
          options.stream().filter(option -> document.option(option).isEmpty()).toList();
      if (!unknown.isEmpty()) {
        problems.add(Echo.of(unknown) + " not an option of this document");
      }
    }
    return problems;
  }

  /** An operator step, unless the request is scripted to end here instead. */
  private void reach(DocuRequest request, OperatorSchedule.Step<DocuRequest, StepKind> step) {
    ScriptedEnd<DocuState> end = request.scriptedEnd;
    if (end != null) {
      endAsScripted(request, end, step.due());
      return;
    }
    switch (step.kind()) {
      case RESULTS -> {
        request.searchState =
            new DocuRequest.Search.Ended(RegisterFilings.results(request, step.due()));
        request.lastUpdate = step.due();
      }
      case DONE -> request.enter(DocuState.DONE, step.due());
    }
  }

  private void endAsScripted(DocuRequest request, ScriptedEnd<DocuState> end, Instant at) {
    schedule.clear(request);
    switch (end) {
      case ScriptedEnd.Cancelled<DocuState> cancelled -> {
        request.cancellationReason = cancelled.reason();
        request.enter(DocuState.CANCELLED, at);
      }
      case ScriptedEnd.Failed<DocuState> failed -> request.enter(failed.failure(), at);
    }
    request.scriptedEnd = null;
  }

  private void notifyChange(DocuRequest request) {
    StatusChange.of(request.id, request.callback, request::toJson, "state")
        .ifPresent(onStatusChange);
  }
}
