package dev.sportello.adapter.persistence;

import dev.sportello.adapter.persistence.Json.ExtraJson;
import dev.sportello.adapter.persistence.Json.OutcomeJson;
import dev.sportello.adapter.persistence.Json.QuoteJson;
import dev.sportello.adapter.persistence.Json.SearchRoundJson;
import dev.sportello.adapter.persistence.Json.SelectionJson;
import dev.sportello.adapter.persistence.Json.StatusChangeJson;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestState;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.Selection;
import dev.sportello.domain.request.StatusChange;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.submission.Quote;
import dev.sportello.domain.submission.Submission;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Requests to rows and back. Writing is total; reading goes through the domain's constructors, and
 * a row they refuse is reported as {@link StorageFailure.Unavailable}, never thrown.
 */
final class RequestRows {
  /** The sealed columns, each the name its ciphertexts are bound to. */
  static final String REFERENCE = "reference";

  static final String NOTIFY_EMAIL = "notify_email";
  static final String HISTORY = "history";
  static final String SEARCHES = "searches";
  static final String OUTCOME = "outcome";
  static final String VALUES = "values";

  private final JsonMapping json;
  private final LiveKeys keys;
  private final SealedText text;

  RequestRows(JsonMapping json, LiveKeys keys) {
    this.json = json;
    this.keys = keys;
    this.text = new SealedText(keys);
  }

  /** The keys rows are sealed and opened with now; replaced, not changed, when they change. */
  DataKeys keysInUse() {
    return keys.current();
  }

  /** The row a request is stored as; instants in columns keep microseconds. */
  RequestRow toRow(CertificateRequest request, long version) {
    Submission submission = request.submission();
    Map<String, String> values = new LinkedHashMap<>();
    submission.values().forEach((key, value) -> values.put(key.toString(), value));
    Option<DocumentRef> document = request.document();
    RequestId id = request.id();
    return new RequestRow(
        request.id().value(),
        request.caller(),
        submission.certificateId().value(),
        submission.engine().name(),
        request.certificateName(),
        request.status().name(),
        dispatchKind(request.dispatch()),
        request.dispatch() instanceof Dispatch.Drafted drafted ? drafted.closeAttempts() : 0,
        request.upstreamId().map(UpstreamId::value).getOrNull(),
        request.reference().map(reference -> sealed(reference, id, REFERENCE)).getOrNull(),
        request.notifyEmail().map(email -> sealed(email, id, NOTIFY_EMAIL)).getOrNull(),
        request.reference().map(reference -> lookup(request.caller(), reference)).getOrNull(),
        Json.write(json.extras(submission.extras())),
        Json.write(json.quote(submission.quote())),
        submission.quote().total().cents(),
        sealed(Json.write(json.history(request.history())), id, HISTORY),
        sealed(Json.write(json.searches(request.searches())), id, SEARCHES),
        request.selection().map(json::selection).map(Json::write).getOrNull(),
        request
            .outcome()
            .map(json::outcome)
            .map(Json::write)
            .map(o -> sealed(o, id, OUTCOME))
            .getOrNull(),
        document.map(DocumentRef::name).getOrNull(),
        document.map(DocumentRef::sizeBytes).getOrNull(),
        document.map(DocumentRef::sha256).getOrNull(),
        document.isDefined(),
        request.upstreamUpdatedAt().map(Database::stored).getOrNull(),
        Database.stored(request.createdAt()),
        Database.stored(request.updatedAt()),
        null,
        version,
        sealed(Json.write(values), id, VALUES));
  }

  /**
   * What a listing looks a caller's reference up by, under every key held: a row keeps the lookup
   * of the key that sealed it until it is sealed again.
   */
  java.util.List<String> referenceLookups(String caller, String reference) {
    return keys.current().lookups(lookupInput(caller, reference));
  }

  private String lookup(String caller, String reference) {
    return keys.current().lookup(lookupInput(caller, reference));
  }

  /** Scoped by caller, so that equal references of two callers do not look alike. */
  private static byte[] lookupInput(String caller, String reference) {
    return (caller + "\n" + reference).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Personal data sealed for its request and column, so that a sealed value copied to another row
   * or column does not open there.
   */
  private String sealed(String plain, RequestId id, String column) {
    return sealed(plain, id.value(), column);
  }

  /** Text sealed for a request's column with the current key. */
  String sealed(String plain, String id, String column) {
    return text.sealed(plain, context(id, column));
  }

  /**
   * The plain text of a column, for a row read through the domain's constructors: a column that
   * does not open is refused like any other the row holds, and {@link #toDomain} reports it.
   */
  private String opened(String stored, RequestRow row, String column) {
    return opened(stored, row.id(), column)
        .getOrElseThrow((String refusal) -> new IllegalStateException(refusal));
  }

  /**
   * A column's text as written: opened when sealed, as it is when written before sealing (rows
   * written then hold plain JSON).
   *
   * @return the text, or why it does not open (altered, or sealed by a key not held), naming the
   *     request and column only
   */
  Either<String, String> opened(String stored, String id, String column) {
    if (!SealedText.isSealed(stored)) {
      return Either.right(stored);
    }
    return text.opened(stored, context(id, column))
        .mapLeft(refusal -> "the " + column + " of request " + id + " does not open: " + refusal);
  }

  /** Whether a column's text is sealed with the current key; plain or malformed text is not. */
  boolean sealedWithCurrentKey(String stored) {
    return text.sealedWithCurrentKey(stored);
  }

  /** A column's text sealed again with the current key, for the same request and column. */
  Either<String, String> resealed(String stored, String id, String column) {
    return opened(stored, id, column).map(plain -> sealed(plain, id, column));
  }

  /** The lookup of a stored reference, under the current key. */
  Either<String, String> referenceLookup(String caller, String storedReference, String id) {
    return opened(storedReference, id, REFERENCE).map(reference -> lookup(caller, reference));
  }

  private static byte[] context(String id, String column) {
    return ("request:" + id + ":" + column).getBytes(StandardCharsets.UTF_8);
  }

  static String dispatchKind(Dispatch dispatch) {
    return switch (dispatch) {
      case Dispatch.NotSent ignored -> "NOT_SENT";
      case Dispatch.Drafted ignored -> "DRAFTED";
      case Dispatch.Closed ignored -> "CLOSED";
    };
  }

  /** The request a row holds, through the domain's constructors. */
  Either<StorageFailure, Stored<CertificateRequest>> toDomain(RequestRow row) {
    try {
      return Either.right(new Stored<>(request(row), row.version()));
    } catch (JacksonException unreadable) {
      return Either.left(
          new StorageFailure.Unavailable(
              "stored request "
                  + row.id()
                  + " cannot be read: malformed JSON ("
                  + unreadable.getClass().getSimpleName()
                  + ")"));
    } catch (RuntimeException refused) {
      return Either.left(
          new StorageFailure.Unavailable(
              "stored request " + row.id() + " cannot be read: " + refused.getMessage()));
    }
  }

  private CertificateRequest request(RequestRow row) {
    Submission submission =
        new Submission(
            new CertificateId(row.certificateId()),
            engine(row.engine()),
            values(row),
            List.ofAll(Json.read(row.extrasJson(), Json.EXTRAS)).map(RequestRows::extra),
            quote(Json.read(row.quoteJson(), QuoteJson.class)));
    return new CertificateRequest(
        new RequestId(row.id()),
        row.caller(),
        row.certificateName(),
        submission,
        Option.of(row.reference()).map(reference -> opened(reference, row, REFERENCE)),
        Option.of(row.notifyEmail()).map(email -> opened(email, row, NOTIFY_EMAIL)),
        state(row),
        List.ofAll(Json.read(opened(row.historyJson(), row, HISTORY), Json.HISTORY))
            .map(RequestRows::statusChange),
        Option.of(row.upstreamUpdatedAt()),
        row.createdAt(),
        row.updatedAt());
  }

  /** The engine a stored name names; a name the domain refuses makes the row unreadable. */
  static Engine engine(String name) {
    return Engine.parse(name)
        .toEither()
        .getOrElseThrow(
            refusal -> new IllegalStateException("it names no engine: " + refusal.message()));
  }

  /** The state the columns describe; a combination the lifecycle never produces is refused. */
  private RequestState state(RequestRow row) {
    return RequestState.of(
            RequestStatus.valueOf(row.status()),
            dispatch(row),
            List.ofAll(Json.read(opened(row.searchesJson(), row, SEARCHES), Json.SEARCHES))
                .map(RequestRows::searchRound),
            Option.of(row.selectionJson())
                .map(text -> Json.read(text, SelectionJson.class))
                .map(s -> new Selection(s.searchId(), s.index(), s.at())),
            Option.of(row.outcomeJson())
                .map(text -> Json.read(opened(text, row, OUTCOME), OutcomeJson.class))
                .map(o -> new Outcome(o.code(), o.message())),
            document(row))
        .getOrElseThrow((String refusal) -> new IllegalStateException(refusal));
  }

  private SortedMap<FieldKey, String> values(RequestRow row) {
    @Nullable String text = row.valuesJson();
    if (text == null) {
      if (row.purgedAt() == null) {
        throw new IllegalStateException("its values are missing");
      }
      return TreeMap.empty();
    }
    SortedMap<FieldKey, String> values = TreeMap.empty();
    for (Map.Entry<String, String> entry :
        Json.read(opened(text, row, VALUES), Json.VALUES).entrySet()) {
      var key = FieldKey.parse(entry.getKey());
      if (key.isInvalid()) {
        throw new IllegalStateException("it holds a malformed field key");
      }
      values = values.put(key.get(), entry.getValue());
    }
    return values;
  }

  private static Dispatch dispatch(RequestRow row) {
    return switch (row.dispatchKind()) {
      case "NOT_SENT" -> new Dispatch.NotSent();
      case "DRAFTED" -> new Dispatch.Drafted(upstreamId(row), row.closeAttempts());
      case "CLOSED" -> new Dispatch.Closed(upstreamId(row));
      default -> throw new IllegalStateException("unknown dispatch kind " + row.dispatchKind());
    };
  }

  private static UpstreamId upstreamId(RequestRow row) {
    @Nullable String id = row.upstreamId();
    if (id == null) {
      throw new IllegalStateException("it was sent upstream but has no upstream id");
    }
    return new UpstreamId(id);
  }

  private static Option<DocumentRef> document(RequestRow row) {
    if (!row.hasDocument()) {
      return Option.none();
    }
    @Nullable String name = row.documentName();
    @Nullable Long size = row.documentSize();
    @Nullable String sha256 = row.documentSha256();
    if (name == null || size == null || sha256 == null) {
      throw new IllegalStateException("its document reference is incomplete");
    }
    return Option.some(new DocumentRef(name, size, sha256));
  }

  private static Extra extra(ExtraJson extra) {
    return new Extra(extra.key(), extra.kind(), Money.ofCents(extra.priceCents()));
  }

  private static Quote quote(QuoteJson quote) {
    return new Quote(
        Money.ofCents(quote.document()),
        Money.ofCents(quote.search()),
        Money.ofCents(quote.extras()),
        Money.ofCents(quote.net()),
        Money.ofCents(quote.vat()),
        Money.ofCents(quote.total()));
  }

  private static StatusChange statusChange(StatusChangeJson change) {
    return new StatusChange(RequestStatus.valueOf(change.status()), change.at(), change.note());
  }

  private static SearchRound searchRound(SearchRoundJson round) {
    return new SearchRound(
        round.searchId(),
        SearchRound.State.valueOf(round.state()),
        List.ofAll(round.candidates())
            .map(c -> new SearchCandidate(c.index(), TreeMap.ofAll(c.attributes()))));
  }
}
