package dev.sportello.adapter.visengine;

import static dev.sportello.adapter.openapi.WireValues.attributes;
import static dev.sportello.adapter.openapi.WireValues.malformed;
import static dev.sportello.adapter.openapi.WireValues.money;
import static dev.sportello.adapter.openapi.WireValues.orZero;
import static dev.sportello.adapter.openapi.WireValues.shorten;
import static dev.sportello.adapter.openapi.WireValues.text;
import static dev.sportello.adapter.openapi.WireValues.upstreamId;

import dev.sportello.adapter.openapi.WireValues;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.application.port.out.UpstreamQuote;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.SearchRound;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads wire records into domain values through the domain's validating factories: bad upstream
 * data becomes {@link RemoteFailure.Malformed}, never an exception.
 */
final class WireReader {
  private static final Pattern CANDIDATE_KEY = Pattern.compile("indice_(\\d{1,9})");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
  private static final Pattern HASH = Pattern.compile("[A-Za-z0-9]{32}");
  private static final Pattern NUMBERED_KEY = Pattern.compile("\\$(0|[1-9][0-9]{0,5})");
  private static final Pattern ORDER = Pattern.compile("[0-9]{1,6}");

  private static final TypeReference<Wire.Envelope<Wire.Visura>> PUBLISHED =
      new TypeReference<>() {};

  private final JsonMapper mapper;

  WireReader(JsonMapper mapper) {
    this.mapper = mapper;
  }

  Either<RemoteFailure, List<CatalogEntry>> catalogue(
      java.util.@Nullable List<Wire.CatalogueLine> lines) {
    if (lines == null) {
      return malformed("the catalogue has no data");
    }
    java.util.List<CatalogEntry> entries = new java.util.ArrayList<>(lines.size());
    int position = 0;
    for (Wire.CatalogueLine line : lines) {
      position++;
      if (line == null) {
        return malformed("catalogue line " + position + " is empty");
      }
      var id = certificateId(line.hash());
      if (id.isLeft()) {
        return malformed("catalogue line " + position + ": " + id.getLeft().message());
      }
      String name = text(line.name());
      if (name.isEmpty()) {
        return malformed("catalogue line " + position + " has no name");
      }
      entries.add(new CatalogEntry(id.get(), VisengineAdapter.ENGINE, name, text(line.category())));
    }
    return Either.right(List.ofAll(entries));
  }

  Either<RemoteFailure, Certificate> certificate(
      CertificateId asked, Wire.@Nullable Visura visura) {
    if (visura == null) {
      return malformed("the description of " + asked + " has no data");
    }
    if (visura.hash() != null && !visura.hash().isBlank()) {
      var described = certificateId(visura.hash());
      if (described.isLeft()) {
        return Either.left(described.getLeft());
      }
      if (!described.get().equals(asked)) {
        return malformed("asked for " + asked + " but upstream described " + described.get());
      }
    }
    return described(asked, visura);
  }

  /**
   * A certificate as {@code GET /visure/{hash}} publishes it, in its envelope or bare, read from a
   * text rather than an answer; see {@link VisengineAdapter#readCertificate}.
   */
  Option<Either<String, Certificate>> published(String json) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JacksonException unreadable) {
      return Option.some(Either.left(unreadable(unreadable)));
    }
    boolean enveloped = root.path("data").isObject();
    JsonNode product = enveloped ? root.path("data") : root;
    if (!product.path("json_struttura").isObject()) {
      return Option.none();
    }
    Wire.Visura visura;
    try {
      // Read from the text, not the tree: the tree keeps only the last of two equal keys.
      visura =
          enveloped
              ? mapper.readValue(json, PUBLISHED).data()
              : mapper.readValue(json, Wire.Visura.class);
    } catch (JacksonException unreadable) {
      return Option.some(Either.left(unreadable(unreadable)));
    }
    return Option.some(
        (visura == null ? WireValues.<Certificate>malformed("data is empty") : stated(visura))
            .mapLeft(RemoteFailure::message));
  }

  private Either<RemoteFailure, Certificate> stated(Wire.Visura visura) {
    return certificateId(visura.hash()).flatMap(id -> described(id, visura));
  }

  /** Where reading stopped and why, without quoting the text. */
  private static String unreadable(JacksonException unreadable) {
    if (unreadable instanceof StreamReadException) {
      TokenStreamLocation location = unreadable.getLocation();
      return location == null || location.getLineNr() < 1
          ? "not valid JSON"
          : "not valid JSON (line "
              + location.getLineNr()
              + ", column "
              + location.getColumnNr()
              + ")";
    }
    String path =
        List.ofAll(unreadable.getPath())
            .map(reference ->
                reference.getPropertyName() != null
                    ? reference.getPropertyName()
                    : "[" + reference.getIndex() + "]")
            .mkString(".")
            .replace(".[", "[");
    return (path.isEmpty() ? "" : path + ": ") + unreadable.getOriginalMessage();
  }

  private Either<RemoteFailure, Certificate> described(CertificateId id, Wire.Visura visura) {
    String name = text(visura.name());
    if (name.isEmpty()) {
      return malformed("the certificate " + id + " has no name");
    }
    if (visura.price() == null) {
      return malformed("the certificate " + id + " has no price");
    }
    var price = money(visura.price(), "prezzo_visura");
    var searchPrice = money(orZero(visura.searchPrice()), "prezzo_ricerca");
    var extras = extras(visura.options());
    if (price.isLeft()) {
      return Either.left(price.getLeft());
    }
    if (searchPrice.isLeft()) {
      return Either.left(searchPrice.getLeft());
    }
    if (extras.isLeft()) {
      return Either.left(extras.getLeft());
    }
    Wire.Structure structure = visura.structure();
    List<FieldDeclaration> declared =
        structure == null || structure.fields() == null
            ? List.empty()
            : List.ofAll(structure.fields()).zipWithIndex().map(WireReader::declared);
    String rule = structure == null || structure.rule() == null ? "" : structure.rule();
    FieldSchema schema = FieldSchema.read(declared, rule);
    return Either.right(
        new Certificate(
            id,
            VisengineAdapter.ENGINE,
            name,
            text(visura.category()),
            price.get(),
            searchPrice.get(),
            Boolean.TRUE.equals(visura.search()),
            Boolean.TRUE.equals(visura.synchronous()),
            extras.get(),
            schema,
            structure == null ? "" : instructions(structure.instructions()),
            structure == null ? "" : instructions(structure.searchInstructions())));
  }

  Either<RemoteFailure, RemoteRequest> request(Wire.@Nullable Request request) {
    if (request == null) {
      return malformed("the answer has no request");
    }
    var id = upstreamId(request.id(), "_id");
    if (id.isLeft()) {
      return Either.left(id.getLeft());
    }
    var lastUpdate = lastUpdate(request);
    if (lastUpdate.isLeft()) {
      return Either.left(lastUpdate.getLeft());
    }
    boolean hasSearchPhase = !Boolean.FALSE.equals(request.search());
    var rounds = new ArrayList<SearchRound>();
    if (hasSearchPhase && request.searches() != null) {
      for (Wire.Search search : request.searches()) {
        var round = round(search);
        if (round.isLeft()) {
          return Either.left(round.getLeft());
        }
        rounds.add(round.get());
      }
    }
    List<SearchRound> searches = List.ofAll(rounds);
    boolean offersChoice =
        hasSearchPhase && searches.lastOption().exists(SearchRound::offersChoice);
    var status = status(request, offersChoice);
    if (status.isLeft()) {
      return Either.left(status.getLeft());
    }
    Option<Tuple2<String, Integer>> selection =
        request.chosenSearch() != null
                && !request.chosenSearch().isBlank()
                && request.chosenIndex() != null
                && request.chosenIndex() >= 0
                && request.chosenIndex() <= Integer.MAX_VALUE
            ? Option.some(
                Tuple.of(request.chosenSearch().strip(), request.chosenIndex().intValue()))
            : Option.none();
    Wire.Verdict verdict = request.verdict();
    Option<Outcome> outcome =
        verdict == null || (verdict.code() == null && verdict.info() == null)
            ? Option.none()
            : Option.some(new Outcome(text(verdict.code()), text(verdict.info())));
    List<String> attachments =
        request.attachments() == null
            ? List.empty()
            : List.ofAll(request.attachments()).filter(name -> name != null && !name.isBlank());
    Option<String> reason =
        request.cancellationReason() == null || request.cancellationReason().isBlank()
            ? Option.none()
            : Option.some(request.cancellationReason().strip());
    return Either.right(
        new RemoteRequest(
            id.get(),
            closed(request),
            status.get(),
            searches,
            selection,
            outcome,
            attachments,
            reason,
            lastUpdate.get()));
  }

  Either<RemoteFailure, RemoteSummary> summary(Wire.@Nullable Request request) {
    if (request == null) {
      return malformed("a line of the request list is empty");
    }
    var id = upstreamId(request.id(), "_id");
    if (id.isLeft()) {
      return Either.left(id.getLeft());
    }
    var lastUpdate = lastUpdate(request);
    if (lastUpdate.isLeft()) {
      return Either.left(lastUpdate.getLeft());
    }
    return status(request, false)
        .map(status -> new RemoteSummary(id.get(), closed(request), status, lastUpdate.get()));
  }

  Either<RemoteFailure, UpstreamQuote> quote(Wire.@Nullable Request priced) {
    if (priced == null || priced.price() == null) {
      return malformed("the test answer has no price");
    }
    var price = money(priced.price(), "prezzo_visura");
    var searchPrice = money(orZero(priced.searchPrice()), "prezzo_ricerca");
    if (price.isLeft()) {
      return Either.left(price.getLeft());
    }
    if (searchPrice.isLeft()) {
      return Either.left(searchPrice.getLeft());
    }
    return Either.right(new UpstreamQuote(price.get(), searchPrice.get()));
  }

  /** A request node as a request record; anything else is malformed. */
  Either<RemoteFailure, Wire.Request> requestNode(@Nullable JsonNode node) {
    if (node == null || !node.isObject()) {
      return malformed("the answer has no request");
    }
    try {
      return Either.right(mapper.treeToValue(node, Wire.Request.class));
    } catch (JacksonException unreadable) {
      return malformed("the request is not readable: " + unreadable.getOriginalMessage());
    }
  }

  /**
   * Instructions as published: empty, base64 of (HTML) text, or plain text. Base64 is recognised by
   * its alphabet and by decoding to valid UTF-8 text; anything else is taken as written. Decoded
   * HTML is kept as is (it may hold the link to a delegation form).
   */
  static String instructions(@Nullable String published) {
    String text = text(published);
    String compact = text.replace("\r", "").replace("\n", "");
    if (compact.length() < 4 || compact.length() % 4 != 0 || !BASE64.matcher(compact).matches()) {
      return text;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(compact);
      String decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      boolean printable =
          decoded.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
      return printable ? decoded.strip() : text;
    } catch (IllegalArgumentException | CharacterCodingException notBase64) {
      return text;
    }
  }

  private Either<RemoteFailure, SearchRound> round(Wire.@Nullable Search search) {
    if (search == null || search.id() == null || search.id().isBlank()) {
      return malformed("a search has no id");
    }
    SearchRound.State state =
        switch (text(search.state()).toLowerCase(Locale.ROOT)) {
          case "ricerca evasa" -> SearchRound.State.COMPLETED;
          case "errore su richiesta dati" -> SearchRound.State.FAILED;
          default -> SearchRound.State.RUNNING;
        };
    var results = embedded(search.results(), "json_risultato");
    if (results.isLeft()) {
      return Either.left(results.getLeft());
    }
    var candidates = new ArrayList<SearchCandidate>();
    JsonNode found = results.get();
    if (found != null && found.isObject()) {
      for (Map.Entry<String, JsonNode> entry : found.properties()) {
        Matcher key = CANDIDATE_KEY.matcher(entry.getKey().strip());
        if (key.matches()) {
          candidates.add(
              new SearchCandidate(Integer.parseInt(key.group(1)), attributes(entry.getValue())));
        }
      }
    } else if (found != null && !found.isArray() && !found.isNull()) {
      return malformed("the results of search " + search.id().strip() + " are not an object");
    }
    return Either.right(
        new SearchRound(
            search.id().strip(), state, List.ofAll(candidates).sortBy(SearchCandidate::index)));
  }

  /**
   * A value upstream sends as JSON written into a string ({@code json_risultato}, {@code
   * json_ricerca}): parsed a second time. An object sent as such, null and a blank string are
   * accepted too.
   */
  Either<RemoteFailure, @Nullable JsonNode> embedded(@Nullable JsonNode value, String what) {
    if (value == null || value.isNull()) {
      return Either.right(null);
    }
    if (!value.isString()) {
      return Either.right(value);
    }
    String text = value.stringValue().strip();
    if (text.isEmpty() || text.equals("null")) {
      return Either.right(null);
    }
    try {
      return Either.right(mapper.readTree(text));
    } catch (JacksonException unreadable) {
      return malformed(what + " is not JSON: " + unreadable.getOriginalMessage());
    }
  }

  private static Either<RemoteFailure, RequestStatus> status(
      Wire.Request request, boolean offersChoice) {
    String status = text(request.status()).toLowerCase(Locale.ROOT);
    if (status.equals("annullata")) {
      return Either.right(RequestStatus.CANCELLED);
    }
    if (!closed(request)) {
      return Either.right(RequestStatus.ACCEPTED);
    }
    return switch (status) {
      case "in ricerca" ->
          Either.right(offersChoice ? RequestStatus.AWAITING_SELECTION : RequestStatus.SEARCHING);
      case "in erogazione" -> Either.right(RequestStatus.PROCESSING);
      case "dati disponibili" -> Either.right(RequestStatus.DATA_AVAILABLE);
      case "visura evasa" -> Either.right(RequestStatus.FULFILLED);
      case "" -> malformed("the request has no status");
      default -> malformed("the request has an unknown status '" + shorten(status) + "'");
    };
  }

  /** {@code state} 0 is an open draft; anything else, or no state (the default is 1), is closed. */
  private static boolean closed(Wire.Request request) {
    return request.state() == null || request.state() != 0;
  }

  private static Either<RemoteFailure, Instant> lastUpdate(Wire.Request request) {
    Long seconds = request.lastUpdate() != null ? request.lastUpdate() : request.created();
    if (seconds == null || seconds < 0) {
      return malformed("the request has no update time");
    }
    return Either.right(Instant.ofEpochSecond(seconds));
  }

  private Either<RemoteFailure, List<Extra>> extras(@Nullable JsonNode options) {
    if (options == null || options.isNull() || options.isBoolean() || options.isString()) {
      return Either.right(List.empty());
    }
    if (!options.isArray() && !options.isObject()) {
      return malformed("the extras are neither a list nor an object");
    }
    var extras = new ArrayList<Extra>();
    int position = 0;
    for (Map.Entry<String, JsonNode> entry : entries(options)) {
      Wire.Option option;
      try {
        option = mapper.treeToValue(entry.getValue(), Wire.Option.class);
      } catch (JacksonException unreadable) {
        return malformed(
            "extra " + position + " is not readable: " + unreadable.getOriginalMessage());
      }
      if (option == null) {
        continue;
      }
      String key = text(option.key());
      if (key.isEmpty()) {
        key = options.isObject() ? entry.getKey() : "opzione_" + position;
      }
      var price = money(orZero(option.price()), "the price of " + key);
      if (price.isLeft()) {
        return Either.left(price.getLeft());
      }
      extras.add(new Extra(key, text(option.kind()), price.get()));
      position++;
    }
    return Either.right(List.ofAll(extras));
  }

  private static java.util.List<Map.Entry<String, JsonNode>> entries(JsonNode container) {
    java.util.List<Map.Entry<String, JsonNode>> entries = new java.util.ArrayList<>();
    if (container.isArray()) {
      for (int index = 0; index < container.size(); index++) {
        entries.add(Map.entry(Integer.toString(index), container.get(index)));
      }
    } else {
      entries.addAll(container.properties());
    }
    return entries;
  }

  /**
   * A field of {@code campi}. It is shown by its {@code ordine}; without a numeric one, by the
   * number in its key ({@code $3}), and failing that by its place in {@code campi}.
   */
  private static FieldDeclaration declared(Tuple2<Wire.KeyedField, Integer> keyedAt) {
    Wire.KeyedField keyed = keyedAt._1;
    Wire.Field field = keyed.field();
    String tipo = field.tipo() == null ? "" : field.tipo();
    String order = text(field.order());
    Matcher numbered = NUMBERED_KEY.matcher(keyed.key().strip());
    int displayOrder =
        ORDER.matcher(order).matches()
            ? Integer.parseInt(order)
            : numbered.matches() ? Integer.parseInt(numbered.group(1)) : keyedAt._2;
    return new FieldDeclaration(
        keyed.key(),
        text(field.label()),
        FieldTypes.of(tipo),
        tipo.strip(),
        Boolean.TRUE.equals(field.mayBeEmpty()),
        displayOrder,
        text(field.instructions()));
  }

  /** Visengine's ids ({@code hash_visura}) are 32 letters or digits; other engines' are not. */
  private static Either<RemoteFailure, CertificateId> certificateId(@Nullable String hash) {
    if (hash == null) {
      return malformed("a certificate has no hash_visura");
    }
    String id = hash.strip();
    return HASH.matcher(id).matches()
        ? Either.right(new CertificateId(id))
        : malformed("a hash_visura is malformed: it is not 32 letters or digits");
  }
}
