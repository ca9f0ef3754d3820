package dev.sportello.adapter.rest;

import dev.sportello.adapter.rest.Views.CertificateDetail;
import dev.sportello.adapter.rest.Views.CertificateSummary;
import dev.sportello.adapter.rest.Views.Page;
import dev.sportello.adapter.rest.Views.RequestView;
import dev.sportello.adapter.rest.Views.SpendingView;
import dev.sportello.adapter.rest.Views.ValidationView;
import dev.sportello.application.port.in.AddSearchUseCase.AddSearchCommand;
import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.in.CancelRequestUseCase.CancelRequestCommand;
import dev.sportello.application.port.in.ListRequestsQuery;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.SelectCandidateUseCase.SelectCandidateCommand;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.ValidateSubmissionCommand;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import io.javalin.http.Context;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The {@code /api/v1} routes: each parses its input, calls one use case, and writes the view. */
final class Api {
  static final String BASE = "/api/v1";
  static final int DEFAULT_PAGE_SIZE = 50;
  private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  private final RestUseCases useCases;
  private final Bodies bodies;

  Api(RestUseCases useCases, Bodies bodies) {
    this.useCases = useCases;
    this.bodies = bodies;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", BASE + "/certificates", true, this::listCertificates),
        new Route("GET", BASE + "/certificates/{id}", true, this::describeCertificate),
        new Route("POST", BASE + "/certificates/{id}/validation", true, this::validate),
        new Route("POST", BASE + "/requests", true, this::submit),
        new Route("GET", BASE + "/requests", true, this::listRequests),
        new Route("GET", BASE + "/requests/{id}", true, this::getRequest),
        new Route("POST", BASE + "/requests/{id}/searches", true, this::addSearch),
        new Route("POST", BASE + "/requests/{id}/selection", true, this::select),
        new Route("POST", BASE + "/requests/{id}/cancellation", true, this::cancel),
        new Route("POST", BASE + "/requests/{id}/refresh", true, this::refresh),
        new Route("GET", BASE + "/requests/{id}/document", true, this::document),
        new Route("GET", BASE + "/requests/{id}/document/files", true, this::documentFiles),
        new Route("GET", BASE + "/requests/{id}/document/files/{name}", true, this::documentFile),
        new Route("GET", BASE + "/spending", true, this::spending));
  }

  private void listCertificates(Context ctx, String caller) {
    var query = new BrowseCatalogQuery(param(ctx, "category"), param(ctx, "name"), engine(ctx));
    var entries = ok(useCases.browseCatalog().browse(query));
    ctx.json(new Page<>(entries.map(CertificateSummary::of).toJavaList(), null));
  }

  private void describeCertificate(Context ctx, String caller) {
    CertificateId id = certificateId(ctx);
    ctx.json(CertificateDetail.of(ok(useCases.describeCertificate().describe(id))));
  }

  private void validate(Context ctx, String caller) {
    CertificateId id = certificateId(ctx);
    boolean upstream = flag(ctx, "upstream");
    Bodies.ValidationBody body = bodies.read(ctx, Bodies.ValidationBody.class);
    var input =
        Bodies.submission(
            id.value(), body.values(), body.extras(), body.reference(), body.notifyEmail());
    var report =
        ok(useCases.validateSubmission().validate(new ValidateSubmissionCommand(input, upstream)));
    ctx.json(ValidationView.of(report));
  }

  private void submit(Context ctx, String caller) {
    String key = ctx.header("Idempotency-Key");
    if (key == null || key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw Problem.invalid(
              "Idempotency-Key",
              "invalid_idempotency_key",
              "an Idempotency-Key header of 1 to "
                  + MAX_IDEMPOTENCY_KEY_LENGTH
                  + " characters is required")
          .raise();
    }
    Bodies.SubmissionBody body = bodies.read(ctx, Bodies.SubmissionBody.class);
    String certificateId = body.certificateId();
    if (certificateId == null) {
      throw Problem.invalid("certificateId", "required", "the certificateId is required").raise();
    }
    var input =
        Bodies.submission(
            certificateId, body.values(), body.extras(), body.reference(), body.notifyEmail());
    var request = ok(useCases.submitRequest().submit(new SubmitRequestCommand(caller, key, input)));
    ctx.status(202);
    ctx.header("Location", BASE + "/requests/" + request.id().value());
    ctx.json(RequestView.of(request));
  }

  private void listRequests(Context ctx, String caller) {
    var query =
        new ListRequestsQuery(
            caller,
            param(ctx, "status"),
            param(ctx, "certificateId"),
            param(ctx, "reference"),
            param(ctx, "cursor"),
            limit(ctx));
    var listing = ok(useCases.listRequests().list(query));
    ctx.json(
        new Page<>(
            listing.requests().map(RequestView::of).toJavaList(),
            listing.nextCursor().getOrNull()));
  }

  private void getRequest(Context ctx, String caller) {
    ctx.json(RequestView.of(ok(useCases.getRequest().get(request(ctx, caller)))));
  }

  private void addSearch(Context ctx, String caller) {
    RequestQuery request = request(ctx, caller);
    Bodies.SearchBody body = bodies.read(ctx, Bodies.SearchBody.class);
    if (body.values() == null) {
      throw Problem.invalid("values", "required", "the search values are required").raise();
    }
    var command = new AddSearchCommand(request, Bodies.values(body.values()));
    ctx.status(202);
    ctx.json(RequestView.of(ok(useCases.addSearch().addSearch(command))));
  }

  private void select(Context ctx, String caller) {
    RequestQuery request = request(ctx, caller);
    Bodies.SelectionBody body = bodies.read(ctx, Bodies.SelectionBody.class);
    String searchId = body.searchId();
    Integer index = body.index();
    List<dev.sportello.domain.shared.Violation> problems = List.empty();
    if (searchId == null || searchId.isBlank()) {
      problems =
          problems.append(
              dev.sportello.domain.shared.Violation.general(
                  "searchId", "required", "the searchId of the latest search is required"));
    }
    if (index == null || index < 0) {
      problems =
          problems.append(
              dev.sportello.domain.shared.Violation.general(
                  "index", "required", "the index of the chosen candidate is required"));
    }
    if (searchId == null || index == null || !problems.isEmpty()) {
      throw Problem.invalid("the selection is incomplete", problems).raise();
    }
    var command = new SelectCandidateCommand(request, searchId, index);
    ctx.status(202);
    ctx.json(RequestView.of(ok(useCases.selectCandidate().select(command))));
  }

  private void cancel(Context ctx, String caller) {
    RequestQuery request = request(ctx, caller);
    Bodies.CancellationBody body = bodies.read(ctx, Bodies.CancellationBody.class);
    String reason = body.reason();
    if (reason == null) {
      throw Problem.invalid("reason", "required", "a reason is required").raise();
    }
    ctx.json(
        RequestView.of(
            ok(useCases.cancelRequest().cancel(new CancelRequestCommand(request, reason)))));
  }

  private void refresh(Context ctx, String caller) {
    ctx.json(RequestView.of(ok(useCases.refreshRequest().refresh(request(ctx, caller)))));
  }

  private void document(Context ctx, String caller) {
    Documents.serveArchive(ctx, ok(useCases.retrieveDocument().retrieve(request(ctx, caller))));
  }

  private void documentFiles(Context ctx, String caller) {
    var document = ok(useCases.retrieveDocument().retrieve(request(ctx, caller)));
    ctx.json(new Page<>(Documents.list(document), null));
  }

  private void documentFile(Context ctx, String caller) {
    String name = ctx.pathParam("name");
    var document = ok(useCases.retrieveDocument().retrieve(request(ctx, caller)));
    Documents.serveEntry(ctx, document, name);
  }

  private void spending(Context ctx, String caller) {
    ctx.json(SpendingView.of(ok(useCases.getSpending().spending(caller))));
  }

  /** The value, or the problem the error maps to. */
  static <T> T ok(Either<UseCaseError, T> result) {
    if (result.isLeft()) {
      throw Problem.from(result.getLeft()).raise();
    }
    return result.get();
  }

  private static RequestQuery request(Context ctx, String caller) {
    return new RequestQuery(caller, ctx.pathParam("id"));
  }

  /** A certificate id from the path; one that cannot be an id names nothing. */
  private static CertificateId certificateId(Context ctx) {
    var parsed = CertificateId.parse(ctx.pathParam("id"));
    if (parsed.isInvalid()) {
      throw Problem.notFound(
              "no certificate has this id; ids are 1 to 64 letters, digits, '-' or '_'")
          .raise();
    }
    return parsed.get();
  }

  /**
   * The engine to list; a name no engine can have is refused, while a well-formed name of an engine
   * that is not enabled simply matches nothing.
   */
  private static Option<Engine> engine(Context ctx) {
    Option<String> given = param(ctx, "engine");
    if (given.isEmpty()) {
      return Option.none();
    }
    var parsed = Engine.parse(given.get());
    if (parsed.isInvalid()) {
      throw Problem.invalid(parsed.getError().message(), List.of(parsed.getError())).raise();
    }
    return Option.some(parsed.get());
  }

  /** A query parameter; an empty one counts as absent. */
  static Option<String> param(Context ctx, String name) {
    return Option.of(ctx.queryParam(name)).filter(value -> !value.isEmpty());
  }

  private static boolean flag(Context ctx, String name) {
    @Nullable String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw Problem.invalid(name, "invalid_flag", name + " is true or false").raise();
    };
  }

  private static int limit(Context ctx) {
    return limit(ctx, 500);
  }

  /** The {@code limit} query parameter; its range is the use case's to check. */
  static int limit(Context ctx, int most) {
    Option<String> given = param(ctx, "limit");
    if (given.isEmpty()) {
      return Math.min(DEFAULT_PAGE_SIZE, most);
    }
    String text = given.get();
    if (!text.matches("\\d{1,9}")) {
      throw Problem.invalid(
              "limit", "invalid_limit", "the limit is a whole number from 1 to " + most)
          .raise();
    }
    return Integer.parseInt(text);
  }
}
