package dev.sportello.adapter.visengine;

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
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.ResponseInterceptor;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson3.Jackson3Encoder;
import feign.slf4j.Slf4jLogger;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.LoggerFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote ports over Openapi's Visengine API. Build one with {@link #create}; it is safe to
 * share between threads.
 *
 * <p>Reads and the close of a draft are retried (see {@link VisengineSettings.RetryPolicy});
 * everything that could charge twice is made exactly once, and a lost answer to it is {@link
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

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(VisengineAdapter.class);

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

  /** An adapter for the given settings. */
  public static VisengineAdapter create(VisengineSettings settings) {
    return create(settings, Clock.systemUTC(), BackoffRetryer.Sleeper.REAL);
  }

  static VisengineAdapter create(
      VisengineSettings settings, Clock clock, BackoffRetryer.Sleeper sleeper) {
    Objects.requireNonNull(settings, "settings");
    JsonMapper mapper = mapper();
    AnswerDecoder answers = new AnswerDecoder(mapper, clock);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String url = settings.baseUrl().toString().replaceAll("/+$", "");
    ReadCalls reads =
        builder(settings, mapper, answers, http)
            .retryer(new BackoffRetryer(settings.retry(), clock, sleeper))
            .target(ReadCalls.class, url);
    ChangeCalls changes =
        builder(settings, mapper, answers, http)
            .retryer(Retryer.NEVER_RETRY)
            .target(ChangeCalls.class, url);
    return new VisengineAdapter(reads, changes, new WireReader(mapper), new DocumentReader(mapper));
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
   */
  public static Try<List<String>> zipEntryNames(InputStream zip) {
    return Try.of(() -> {
      List<String> names = List.empty();
      ZipInputStream entries = new ZipInputStream(zip);
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        names = names.append(entry.getName());
      }
      if (names.isEmpty()) {
        throw new IOException("not a ZIP archive, or an empty one");
      }
      return names;
    });
  }

  @Override
  public Either<RemoteFailure, List<CatalogEntry>> listCertificates() {
    return call(
        RemoteCallKind.CATALOGUE,
        Failures.Effect.READ,
        () -> reader.catalogue(reads.catalogue().data()));
  }

  @Override
  public Either<RemoteFailure, Certificate> describe(CertificateId id) {
    return call(
        RemoteCallKind.DESCRIBE,
        Failures.Effect.READ,
        () -> reader.certificate(id, reads.visura(id.value()).data()));
  }

  @Override
  public Either<RemoteFailure, UpstreamQuote> test(RemoteOrder order) {
    return call(
        RemoteCallKind.TEST,
        Failures.Effect.CHANGE,
        () -> reader.quote(changes.create(orders.newRequest(order, 1, Boolean.TRUE)).data()));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> createDraft(RemoteOrder order) {
    return call(
        RemoteCallKind.DRAFT,
        Failures.Effect.CHANGE,
        () -> reader.request(changes.create(orders.newRequest(order, 0, null)).data()));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> close(UpstreamId id) {
    return call(
        RemoteCallKind.CLOSE,
        Failures.Effect.CHANGE,
        () -> reader.request(reads.close(id.value(), new Wire.Close(1)).data()));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> fetch(UpstreamId id) {
    return call(
        RemoteCallKind.STATUS,
        Failures.Effect.READ,
        () -> reader.request(reads.request(id.value()).data()));
  }

  /** An account without requests answers 404 with code 203: that is an empty list. */
  @Override
  public Either<RemoteFailure, List<RemoteSummary>> listAll() {
    Either<RemoteFailure, List<RemoteSummary>> listed =
        call(RemoteCallKind.LIST, Failures.Effect.READ, this::summaries);
    return listed.isLeft() && listed.getLeft() instanceof RemoteFailure.NotFound
        ? Either.right(List.empty())
        : listed;
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> addSearch(
      UpstreamId id, SortedMap<FieldKey, String> values) {
    return call(
        RemoteCallKind.SEARCH,
        Failures.Effect.CHANGE,
        () -> reader.request(changes.search(id.value(), orders.newSearch(values)).data()));
  }

  @Override
  public Either<RemoteFailure, RemoteRequest> selectCandidate(
      UpstreamId id, String searchId, int index) {
    return call(
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
        call(
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
    return call(
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
    if (lines == null) {
      return Either.right(List.empty());
    }
    List<RemoteSummary> summaries = List.empty();
    for (Wire.Request line : lines) {
      var summary = reader.summary(line);
      if (summary.isLeft()) {
        return Either.left(summary.getLeft());
      }
      summaries = summaries.append(summary.get());
    }
    return Either.right(summaries);
  }

  private static <T> Either<RemoteFailure, T> call(
      RemoteCallKind kind, Failures.Effect effect, Supplier<Either<RemoteFailure, T>> body) {
    long started = System.nanoTime();
    Either<RemoteFailure, T> result;
    try {
      result = body.get();
    } catch (RuntimeException thrown) {
      result = Either.left(Failures.of(thrown, effect));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "visengine {} {} in {} ms",
          kind,
          result.isRight() ? "ok" : result.getLeft().getClass().getSimpleName(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return result;
  }

  /** The mapper for Visengine's JSON: unknown fields ignored, trailing commas accepted. */
  static JsonMapper mapper() {
    return JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  private static Feign.Builder builder(
      VisengineSettings settings, JsonMapper mapper, AnswerDecoder answers, HttpClient http) {
    RequestInterceptor credentials =
        template -> {
          String token;
          try {
            token = settings.token().get();
          } catch (RuntimeException failed) {
            throw new MissingToken(
                "the token supplier failed: " + failed.getClass().getSimpleName());
          }
          if (token == null || token.isBlank()) {
            throw new MissingToken("the token supplier gave no token");
          }
          template.header("Authorization", "Bearer " + token.strip());
          template.header("User-Agent", settings.userAgent());
        };
    ResponseInterceptor streamedErrors =
        (context, chain) -> {
          Response response = context.response();
          if (context.returnType() == Response.class
              && (response.status() < 200 || response.status() >= 300)) {
            try (response) {
              throw answers.decode("document", response);
            }
          }
          return chain.next(context);
        };
    return Feign.builder()
        .client(new Http2Client(http))
        .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), true))
        .encoder(new Jackson3Encoder(mapper))
        .decoder(new EnvelopeDecoder(mapper))
        .errorDecoder(answers)
        .requestInterceptor(credentials)
        .responseInterceptor(streamedErrors)
        .logger(new Slf4jLogger(VisengineAdapter.class))
        .logLevel(Logger.Level.BASIC);
  }
}
