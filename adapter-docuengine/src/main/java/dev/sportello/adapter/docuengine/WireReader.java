package dev.sportello.adapter.docuengine;

import static dev.sportello.adapter.openapi.WireValues.attributes;
import static dev.sportello.adapter.openapi.WireValues.malformed;
import static dev.sportello.adapter.openapi.WireValues.money;
import static dev.sportello.adapter.openapi.WireValues.orZero;
import static dev.sportello.adapter.openapi.WireValues.shorten;
import static dev.sportello.adapter.openapi.WireValues.text;
import static dev.sportello.adapter.openapi.WireValues.upstreamId;

import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads wire records into domain values through the domain's validating factories: bad upstream
 * data becomes {@link RemoteFailure.Malformed}, never an exception. The catalogue is read document
 * by document: one that cannot be read is left out with a warning in the log.
 */
final class WireReader {
  private static final Logger LOG = LoggerFactory.getLogger(WireReader.class);

  /** The code of a fulfilled request's outcome: all went well. */
  static final String FULFILLED = "0";

  private final JsonMapper mapper;

  WireReader(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** Every document that reads as a certificate, in the order published. */
  Either<RemoteFailure, List<Certificate>> certificates(
      java.util.@Nullable List<JsonNode> documents) {
    if (documents == null) {
      return malformed("the catalogue has no data");
    }
    var read = new ArrayList<Certificate>(documents.size());
    int position = 0;
    for (JsonNode document : documents) {
      position++;
      var certificate = certificate(document);
      if (certificate.isRight()) {
        read.add(certificate.get());
      } else {
        LOG.warn(
            "docuengine catalogue: document {} left out: {}",
            position,
            certificate.getLeft().message());
      }
    }
    return Either.right(List.ofAll(read));
  }

  /** The document with the given id, read; a malformed one is not skipped here but reported. */
  Either<RemoteFailure, Certificate> certificate(
      CertificateId asked, java.util.@Nullable List<JsonNode> documents) {
    if (documents == null) {
      return malformed("the catalogue has no data");
    }
    for (JsonNode document : documents) {
      if (document != null && asked.value().equals(document.path("id").asString("").strip())) {
        return certificate(document);
      }
    }
    return Either.left(new RemoteFailure.NotFound("no document " + asked + " in the catalogue"));
  }

  private Either<RemoteFailure, Certificate> certificate(@Nullable JsonNode node) {
    if (node == null || !node.isObject()) {
      return malformed("it is not an object");
    }
    Wire.Document document;
    try {
      document = mapper.treeToValue(node, Wire.Document.class);
    } catch (JacksonException unreadable) {
      return malformed("it is not readable: " + unreadable.getOriginalMessage());
    }
    if (document == null) {
      return malformed("it is empty");
    }
    var id = CertificateId.parse(text(document.id()));
    if (id.isInvalid()) {
      return malformed("its id is malformed: " + id.getError().message());
    }
    String name = text(document.name());
    if (name.isEmpty()) {
      return malformed("the document " + id.get() + " has no name");
    }
    if (document.documentPrice() == null) {
      return malformed("the document " + id.get() + " has no price");
    }
    var price = money(document.documentPrice(), "documentPrice");
    var searchPrice = money(orZero(document.searchPrice()), "searchPrice");
    var extras = extras(document.options());
    if (price.isLeft()) {
      return Either.left(price.getLeft());
    }
    if (searchPrice.isLeft()) {
      return Either.left(searchPrice.getLeft());
    }
    if (extras.isLeft()) {
      return Either.left(extras.getLeft());
    }
    Wire.Structure structure = document.structure();
    Map<String, Wire.Field> fields = structure == null ? null : structure.fields();
    var declared = new ArrayList<FieldDeclaration>();
    if (fields != null) {
      for (Map.Entry<String, Wire.Field> field : fields.entrySet()) {
        if (field.getValue() != null) {
          declared.add(declared(field.getKey(), field.getValue(), declared.size()));
        }
      }
    }
    FieldSchema schema =
        FieldSchema.read(
            List.ofAll(declared), structure == null ? "" : text(structure.validation()));
    return Either.right(
        new Certificate(
            id.get(),
            DocuEngineAdapter.ENGINE,
            name,
            text(document.category()),
            price.get(),
            searchPrice.get(),
            Boolean.TRUE.equals(document.hasSearch()),
            Boolean.TRUE.equals(document.isSync()),
            extras.get(),
            schema,
            structure == null ? "" : text(structure.help()),
            structure == null ? "" : text(structure.searchHelp())));
  }

  /**
   * A field under its wire key, shown in the order published. Its label is the Italian name when
   * there is one (the names the cross-field checks know), the English name otherwise; the values it
   * offers to choose from are listed after its help.
   */
  private static FieldDeclaration declared(String key, Wire.Field field, int position) {
    String label = text(field.nameIt()).isEmpty() ? text(field.name()) : text(field.nameIt());
    String type = text(field.type());
    java.util.List<Wire.Choice> choices =
        field.options() == null ? java.util.List.of() : field.options();
    String offered =
        List.ofAll(choices)
            .filter(choice -> choice != null && !text(choice.code()).isEmpty())
            .map(choice ->
                text(choice.description()).isEmpty()
                    ? text(choice.code())
                    : text(choice.code()) + " (" + text(choice.description()) + ")")
            .mkString(", ");
    String help = text(field.help());
    String instructions =
        offered.isEmpty()
            ? help
            : (help.isEmpty() ? "" : help + "\n") + "Valori ammessi: " + offered;
    return new FieldDeclaration(
        key,
        label,
        FieldTypes.of(type, !offered.isEmpty()),
        type,
        !Boolean.TRUE.equals(field.required()),
        position,
        instructions);
  }

  /** {@code options: [{name, price}]}: each chosen by its name. */
  private static Either<RemoteFailure, List<Extra>> extras(
      java.util.@Nullable List<Wire.Option> options) {
    if (options == null) {
      return Either.right(List.empty());
    }
    var extras = new ArrayList<Extra>(options.size());
    for (Wire.Option option : options) {
      if (option == null || text(option.name()).isEmpty()) {
        return malformed("an option has no name");
      }
      String name = text(option.name());
      var price = money(orZero(option.price()), "the price of " + name);
      if (price.isLeft()) {
        return Either.left(price.getLeft());
      }
      extras.add(new Extra(name, name, price.get()));
    }
    return Either.right(List.ofAll(extras));
  }

  Either<RemoteFailure, RemoteRequest> request(Wire.@Nullable Request request) {
    if (request == null) {
      return malformed("the answer has no request");
    }
    var id = upstreamId(request.id(), "id");
    if (id.isLeft()) {
      return Either.left(id.getLeft());
    }
    var lastUpdate = lastUpdate(request);
    if (lastUpdate.isLeft()) {
      return Either.left(lastUpdate.getLeft());
    }
    java.util.List<Wire.Result> results = request.results();
    List<SearchRound> searches = List.empty();
    Option<Tuple2<String, Integer>> selection = Option.none();
    if (results != null) {
      var round = round(id.get(), results);
      if (round.isLeft()) {
        return Either.left(round.getLeft());
      }
      searches = List.of(round.get());
      String chosen = text(request.resultId());
      for (int index = 0; index < results.size() && !chosen.isEmpty(); index++) {
        if (chosen.equals(text(results.get(index).id()))) {
          selection = Option.some(Tuple.of(id.get().value(), index));
        }
      }
    }
    String state = state(request);
    var status = status(state, request);
    if (status.isLeft()) {
      return Either.left(status.getLeft());
    }
    Option<Outcome> outcome =
        ended(state)
            ? Option.some(new Outcome(state, "upstream ended the request with the state " + state))
            : status.get() == RequestStatus.FULFILLED
                ? Option.some(new Outcome(FULFILLED, "the documents are available"))
                : Option.none();
    List<String> attachments =
        request.documents() == null
            ? List.empty()
            : List.ofAll(request.documents())
                .filter(name -> name != null && !name.isBlank())
                .map(String::strip);
    String reason = text(request.cancellationReason());
    return Either.right(
        new RemoteRequest(
            id.get(),
            closed(state, request),
            status.get(),
            searches,
            selection,
            outcome,
            attachments,
            reason.isEmpty() ? Option.none() : Option.some(reason),
            lastUpdate.get()));
  }

  /**
   * A list line. It has neither results nor {@code hasSearch}, so SEARCH reads as searching for
   * every document: the detail read tells a search from the wait for a choice or processing.
   */
  Either<RemoteFailure, RemoteSummary> summary(Wire.@Nullable Request line) {
    if (line == null) {
      return malformed("a line of the request list is empty");
    }
    var id = upstreamId(line.id(), "id");
    if (id.isLeft()) {
      return Either.left(id.getLeft());
    }
    var lastUpdate = lastUpdate(line);
    if (lastUpdate.isLeft()) {
      return Either.left(lastUpdate.getLeft());
    }
    String state = state(line);
    var status =
        state.equals("SEARCH")
            ? Either.<RemoteFailure, RequestStatus>right(RequestStatus.SEARCHING)
            : status(state, line);
    return status.map(
        known -> new RemoteSummary(id.get(), closed(state, line), known, lastUpdate.get()));
  }

  /** The one search a request has: its results in list order, its id the request's own. */
  private static Either<RemoteFailure, SearchRound> round(
      UpstreamId id, java.util.List<Wire.Result> results) {
    var candidates = new ArrayList<SearchCandidate>(results.size());
    for (Wire.Result result : results) {
      if (result == null || text(result.id()).isEmpty()) {
        return malformed("a search result has no id");
      }
      JsonNode data = result.data();
      candidates.add(
          new SearchCandidate(
              candidates.size(), data == null ? TreeMap.empty() : attributes(data)));
    }
    return Either.right(
        new SearchRound(id.value(), SearchRound.State.COMPLETED, List.ofAll(candidates)));
  }

  /**
   * NEW is an open draft. SEARCH is a search under way until results come, then the wait for a
   * choice; on a document without a search, or once a result is chosen, it is processing, as WAIT
   * is. ERROR and FAILED, which clients in the wild report beyond the published states, end the
   * request: they read as cancelled with a failed outcome, which the request takes as its
   * rejection. Any other unknown state is read as still processing, so that nothing a paid request
   * may still deliver is given up.
   */
  private static Either<RemoteFailure, RequestStatus> status(String state, Wire.Request request) {
    return switch (state) {
      case "NEW" -> Either.right(RequestStatus.ACCEPTED);
      case "SEARCH" -> Either.right(searchStatus(request));
      case "WAIT" -> Either.right(RequestStatus.PROCESSING);
      case "DONE" -> Either.right(RequestStatus.FULFILLED);
      case "CANCELLED", "ERROR", "FAILED" -> Either.right(RequestStatus.CANCELLED);
      case "" -> malformed("the request has no state");
      default -> {
        LOG.warn("docuengine reported the unknown state '{}': read as processing", shorten(state));
        yield Either.right(RequestStatus.PROCESSING);
      }
    };
  }

  /** ERROR and FAILED: upstream ended the request without its documents. */
  private static boolean ended(String state) {
    return state.equals("ERROR") || state.equals("FAILED");
  }

  /**
   * Whether the request was closed (and charged): every state past NEW is, but a cancelled one only
   * when it reached a state past NEW before; a draft cancelled upstream never was. A document
   * without a search may go from NEW straight to WAIT, so WAIT and DONE count as SEARCH does.
   */
  private static boolean closed(String state, Wire.Request request) {
    Wire.Timestamps reached = request.timestamps();
    return switch (state) {
      case "NEW" -> false;
      case "CANCELLED" ->
          reached != null
              && (reached.search() != null || reached.waiting() != null || reached.done() != null);
      default -> true;
    };
  }

  private static RequestStatus searchStatus(Wire.Request request) {
    java.util.List<Wire.Result> results = request.results();
    boolean searches = Boolean.TRUE.equals(request.hasSearch()) || results != null;
    if (!searches || !text(request.resultId()).isEmpty()) {
      return RequestStatus.PROCESSING;
    }
    return results == null || results.isEmpty()
        ? RequestStatus.SEARCHING
        : RequestStatus.AWAITING_SELECTION;
  }

  private static String state(Wire.Request request) {
    return text(request.state()).toUpperCase(Locale.ROOT);
  }

  private static Either<RemoteFailure, Instant> lastUpdate(Wire.Request request) {
    Wire.Timestamps timestamps = request.timestamps();
    Long seconds =
        timestamps == null
            ? null
            : timestamps.lastUpdate() != null ? timestamps.lastUpdate() : timestamps.creation();
    if (seconds == null || seconds < 0) {
      return malformed("the request has no update time");
    }
    return Either.right(Instant.ofEpochSecond(seconds));
  }
}
