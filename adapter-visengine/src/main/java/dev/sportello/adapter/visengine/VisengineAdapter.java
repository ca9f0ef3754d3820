package dev.sportello.adapter.visengine;

import dev.sportello.adapter.openapi.Failures;
import dev.sportello.adapter.openapi.OpenapiClients;
import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCatalog;
import dev.sportello.application.port.out.RemoteDocuments;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.application.port.out.UpstreamQuote;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.UpstreamId;
import feign.Response;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote ports over Openapi's Visengine API. Build one with {@link #create}; it is safe to
 * share between threads.
 *
 * <p>Reads and the close of a draft are retried (see {@link RetryPolicy}); everything that could
 * charge twice is made exactly once, and a lost answer to it is {@link
 * RemoteFailure.OutcomeUnknown}. Every failure is one of {@link RemoteFailure}'s types; no library
 * exception leaves this class. Calls are logged at DEBUG with their kind, outcome and latency,
 * never with bodies, values or tokens.
 *
 * <p>The application counts calls: it wraps every remote port and tells its {@code
 * RemoteCallObserver} each call's kind, outcome and latency. This adapter reports nothing there
 * itself, so no call is counted twice. The repeats of a safe call, and the read that may follow a
 * cancellation, count as the one call they serve.
 */
public final class VisengineAdapter implements RemoteCatalog, RemoteRequests, RemoteDocuments {
  /** The engine this adapter speaks to, as its certificates and requests are marked. */
  public static final Engine ENGINE = new Engine("visengine");

  private static final Failures FAILURES = new Failures(ENGINE.name(), new ErrorCodeTable());

  private final ReadCalls reads;
  private final ChangeCalls changes;
  private final WireReader reader;
  private final DocumentReader documents;
  private final OrderMapper orders;

  private VisengineAdapter(
      ReadCalls reads, ChangeCalls changes, WireReader reader, DocumentReader documents) {
    this.reads = reads;
    this.changes = changes;
    this.reader = reader;
    this.documents = documents;
    this.orders = new OrderMapperImpl();
  }

  /**
   * An adapter for the given settings.
   *
   * @param settings how to reach Visengine
   * @return the adapter
   */
  public static VisengineAdapter create(VisengineSettings settings) {
    return create(settings, Clock.systemUTC(), OpenapiClients.Sleeper.REAL);
  }

  static VisengineAdapter create(
      VisengineSettings settings, Clock clock, OpenapiClients.Sleeper sleeper) {
    Objects.requireNonNull(settings, "settings");
    JsonMapper mapper = mapper();
    OpenapiClients clients =
        OpenapiClients.create(
            settings, settings.token(), mapper, clock, sleeper, VisengineAdapter.class);
    return new VisengineAdapter(
        clients.repeating(ReadCalls.class),
        clients.once(ChangeCalls.class),
        new WireReader(mapper),
        new DocumentReader(mapper, FAILURES));
  }

  /**
   * Reads a certificate as Visengine publishes it ({@code GET /visure/{hash}}), in its {@code
   * {"data": …}} envelope or bare, exactly as this adapter reads the answers it fetches: trailing
   * commas and drifting JSON types are accepted, a field key defined twice keeps both fields for
   * the schema to repair, and instructions in base64 are decoded. Nothing is fetched. Use it to
   * check submissions offline against a saved certificate.
   *
   * @param json the certificate's JSON text
   * @return empty when the text is not a Visengine certificate (it has no {@code json_struttura});
   *     otherwise the certificate, or why it cannot be read, in one line
   */
  public static Option<Either<String, Certificate>> readCertificate(String json) {
    return new WireReader(mapper()).published(json);
  }

  /**
   * The names of the entries of a ZIP archive, read as a stream: entries are skipped over, never
   * unpacked into memory. The stream is read to its end but not closed.
   *
   * @param zip the archive, as a stream
   * @return the entries' names in the archive's order, or why the stream is not a ZIP archive
   *     archive
   */
  public static Try<List<String>> zipEntryNames(InputStream zip) {
    return Try.of(() -> {
      var names = new ArrayList<String>();
      ZipInputStream entries = new ZipInputStream(zip);
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        names.add(entry.getName());
      }
      if (names.isEmpty()) {
        throw new IOException("not a ZIP archive, or an empty one");
      }
      return List.ofAll(names);
    });
  }

  @Override
  public Either<RemoteFailure, List<CatalogEntry>> listCertificates() {
    return FAILURES.call(
        RemoteCallKind.CATALOGUE,
        Failures.Effect.READ,
        () -> reader.catalogue(reads.catalogue().data()));
  }

  @Override
  public Either<RemoteFailure, Certificate> describe(CertificateId id) {
    return FAILURES.call(
        RemoteCallKind.DESCRIBE,
        Failures.Effect.READ,
        () -> reader.certificate(id, reads.visura(id.value()).data()));
  }

  @Override
  public Either<RemoteFailure, UpstreamQuote> test(RemoteOrder order) {
    return FAILURES.call(
        RemoteCallKind.TEST,
        Failures.Effect.CHANGE,
        () -> reader.quote(changes.create(orders.newRequest(order, 1, Boolean.TRUE)).data()));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> createDraft(RemoteOrder order) {
    return FAILURES.call(
        RemoteCallKind.DRAFT,
        Failures.Effect.CHANGE,
        () -> reader.request(changes.create(orders.newRequest(order, 0, null)).data()));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> close(UpstreamId id) {
    return FAILURES.call(
        RemoteCallKind.CLOSE,
        Failures.Effect.CHANGE,
        () -> reader.request(reads.close(id.value(), new Wire.Close(1)).data()));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> fetch(UpstreamId id) {
    return FAILURES.call(
        RemoteCallKind.STATUS,
        Failures.Effect.READ,
        () -> reader.request(reads.request(id.value()).data()));
  }

  /** An account without requests answers 404 with code 203: that is an empty list. */
  @Override
  public Either<RemoteFailure, List<RemoteSummary>> listAll() {
    return FAILURES.listing(RemoteCallKind.LIST, this::summaries);
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> addSearch(
      UpstreamId id, SortedMap<FieldKey, String> values) {
    return FAILURES.call(
        RemoteCallKind.SEARCH,
        Failures.Effect.CHANGE,
        () -> reader.request(changes.search(id.value(), orders.newSearch(values)).data()));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> selectCandidate(
      UpstreamId id, String searchId, int index) {
    return FAILURES.call(
        RemoteCallKind.SELECTION,
        Failures.Effect.CHANGE,
        () -> reader.request(changes.choose(id.value(), new Wire.Choice(searchId, index)).data()));
  }

  /**
   * Cancels with {@code DELETE /richiesta/{id}} (undocumented; its answer's shape is unknown). When
   * the answer does not hold the request, the request is read again.
   */
  @Override
  public Either<RemoteFailure, RemoteRequest> cancel(UpstreamId id, String reason) {
    Either<RemoteFailure, Option<JsonNode>> cancelled =
        FAILURES.call(
            RemoteCallKind.CANCEL,
            Failures.Effect.CHANGE,
            () ->
                Either.right(
                    Option.of(changes.cancel(id.value(), new Wire.Cancellation(reason)).data())));
    if (cancelled.isLeft()) {
      return Either.left(cancelled.getLeft());
    }
    Option<JsonNode> request = cancelled.get().filter(data -> data.isObject() && data.has("_id"));
    if (request.isDefined()) {
      return reader.requestNode(request.get()).flatMap(reader::request);
    }
    return fetch(id);
  }

  @Override
  public Either<RemoteFailure, String> download(UpstreamId id, OutputStream target) {
    return FAILURES.call(
        RemoteCallKind.DOCUMENT,
        Failures.Effect.READ,
        () -> {
          try (Response response = reads.document(id.value())) {
            return documents.read(id, response, target);
          }
        });
  }

  private Either<RemoteFailure, List<RemoteSummary>> summaries() {
    java.util.List<Wire.Request> lines = reads.requests().data();
    return lines == null
        ? Either.right(List.empty())
        : Either.traverseRight(lines, reader::summary).map(List::ofAll);
  }

  /** The mapper for Visengine's JSON: unknown fields ignored, trailing commas accepted. */
  static JsonMapper mapper() {
    return JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }
}
