package dev.sportello.adapter.console;

import dev.sportello.application.port.in.AddSearchUseCase;
import dev.sportello.application.port.in.AddSearchUseCase.AddSearchCommand;
import dev.sportello.application.port.in.CancelRequestUseCase;
import dev.sportello.application.port.in.CancelRequestUseCase.CancelRequestCommand;
import dev.sportello.application.port.in.CertificateDescription;
import dev.sportello.application.port.in.DescribeCertificateUseCase;
import dev.sportello.application.port.in.GetRequestUseCase;
import dev.sportello.application.port.in.ListRequestsQuery;
import dev.sportello.application.port.in.ListRequestsUseCase;
import dev.sportello.application.port.in.ListRequestsUseCase.RequestListing;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.RetrieveDocumentUseCase;
import dev.sportello.application.port.in.SelectCandidateUseCase;
import dev.sportello.application.port.in.SelectCandidateUseCase.SelectCandidateCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.vavr.Tuple;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The caller's requests: the list with its filter by status, each request's page with its history,
 * the choice of a search candidate, the cancellation with its confirmation, and the document. Every
 * page and action goes through the same use cases as the REST API, as the signed-in caller: another
 * caller's request is not found.
 */
final class Tracking {
  static final String PATH = "/requests";

  /** Requests per page of the list. */
  static final int PAGE_SIZE = 25;

  /** Longer reasons are refused before they reach the use case. */
  static final int MAX_REASON_LENGTH = 500;

  private static final Pattern INDEX = Pattern.compile("\\d{1,6}");

  /** The hidden field of the search form: how many rounds the request had when it was shown. */
  static final String ROUNDS_FIELD = "rounds";

  private final ListRequestsUseCase list;
  private final GetRequestUseCase get;
  private final SelectCandidateUseCase select;
  private final DescribeCertificateUseCase describe;
  private final AddSearchUseCase addSearch;
  private final CancelRequestUseCase cancel;
  private final RetrieveDocumentUseCase documents;
  private final Listings listings;
  private final LiveRequests live;

  /**
   * The requests (by caller and id) a choice or a new search is being sent for on this instance: a
   * second one sent meanwhile, from a double click, is refused rather than sent upstream too.
   */
  private final Set<String> acting = ConcurrentHashMap.newKeySet();

  Tracking(
      ListRequestsUseCase list,
      GetRequestUseCase get,
      SelectCandidateUseCase select,
      DescribeCertificateUseCase describe,
      AddSearchUseCase addSearch,
      CancelRequestUseCase cancel,
      RetrieveDocumentUseCase documents,
      Listings listings,
      LiveRequests live) {
    this.list = list;
    this.get = get;
    this.select = select;
    this.describe = describe;
    this.addSearch = addSearch;
    this.cancel = cancel;
    this.documents = documents;
    this.listings = listings;
    this.live = live;
  }

  /** Ends the open streams, when the server stops. */
  void closeStreams() {
    live.closeAll();
  }

  void register(Routes routes) {
    routes.get(PATH, Access.SIGNED_IN, this::list);
    routes.get(PATH + "/{id}", Access.SIGNED_IN, this::show);
    routes.get(PATH + "/{id}/events", Access.SIGNED_IN, live::follow);
    // Before the candidates by index, which the new search's address would match too.
    routes.get(PATH + "/{id}/candidates/search", Access.SIGNED_IN, this::searchForm);
    routes.post(PATH + "/{id}/candidates/search", Access.SIGNED_IN, this::searchAgain);
    routes.post(PATH + "/{id}/candidates/{index}", Access.SIGNED_IN, PATH + "/{id}", this::choose);
    routes.get(PATH + "/{id}/cancel", Access.SIGNED_IN, this::confirmCancel);
    routes.post(PATH + "/{id}/cancel", Access.SIGNED_IN, this::cancel);
    routes.get(PATH + "/{id}/document", Access.SIGNED_IN, this::download);
  }

  static String pageOf(CertificateRequest request) {
    return PATH + "/" + request.id().value();
  }

  private void list(Visit visit) {
    Option<String> status = param(visit, "status");
    Option<String> cursor = param(visit, "cursor");
    Either<UseCaseError, RequestListing> listing =
        list.list(
            new ListRequestsQuery(
                visit.caller(), status, Option.none(), Option.none(), cursor, PAGE_SIZE));
    if (listing.isLeft() && listing.getLeft() instanceof UseCaseError.InvalidInput) {
      throw new HttpResponseException(400);
    }
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("status", status.getOrElse(""));
    parameters.put("statuses", statuses(visit.text()));
    parameters.put(
        "rows",
        listing
            .map(found -> found.requests().map(request -> row(request, visit.text())).toJavaList())
            .getOrElse(java.util.List.of()));
    parameters.put("unavailable", listing.isLeft());
    parameters.put(
        "next",
        listing
            .toOption()
            .flatMap(RequestListing::nextCursor)
            .map(next -> nextPage(status, next))
            .getOrElse(""));
    visit.render(listing.isLeft() ? 503 : 200, "requests.jte", "requests.title", parameters);
  }

  /** A line of the list. */
  record Row(
      String id, String status, String certificate, String reference, String date, String iso) {}

  /** A status to filter by, with its name in the page's language. */
  record StatusOption(String value, String name) {}

  private static Row row(CertificateRequest request, Text text) {
    return new Row(
        request.id().value(),
        TrackedRequest.statusName(request.status(), text),
        request.certificateName(),
        request.reference().getOrElse(""),
        TrackedRequest.when(request.createdAt(), text),
        request.createdAt().toString());
  }

  private static java.util.List<StatusOption> statuses(Text text) {
    return List.of(RequestStatus.values())
        .map(status -> new StatusOption(status.name(), TrackedRequest.statusName(status, text)))
        .toJavaList();
  }

  /** The next page's address; the cursor is opaque and holds no personal value. */
  private static String nextPage(Option<String> status, String cursor) {
    String query = status.map(name -> "status=" + encode(name) + "&").getOrElse("");
    return PATH + "?" + query + "cursor=" + encode(cursor);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private void show(Visit visit) {
    show(visit, 200, found(visit), "");
  }

  /** The request's page, with an alert when an action on it was refused. */
  private void show(Visit visit, int status, CertificateRequest request, String alert) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("view", view(visit, request));
    parameters.put("alert", alert);
    visit.render(status, "request.jte", "requests.request.title", parameters);
  }

  TrackedRequest view(Visit visit, CertificateRequest request) {
    return new TrackedRequest(request, visit.text(), listings.of(request, visit.caller()));
  }

  private void choose(Visit visit) {
    oneAtATime(visit, request -> choose(visit, request));
  }

  private void choose(Visit visit, CertificateRequest request) {
    String index = visit.ctx().pathParam("index");
    String searchId = Option.of(visit.ctx().formParam("searchId")).getOrElse("");
    if (!INDEX.matcher(index).matches() || searchId.isEmpty()) {
      show(visit, 400, request, visit.text().get("requests.failure.candidate"));
    } else if (!offersChoiceFrom(request, searchId)) {
      movedOn(visit, request);
    } else {
      act(
          visit,
          request,
          select.select(
              new SelectCandidateCommand(query(visit), searchId, Integer.parseInt(index))));
    }
  }

  /** Whether the request still awaits a choice among the round the page showed. */
  private static boolean offersChoiceFrom(CertificateRequest request, String searchId) {
    return request.status() == RequestStatus.AWAITING_SELECTION
        && request.selection().isEmpty()
        && request.searches().lastOption().exists(round -> round.searchId().equals(searchId));
  }

  /**
   * Runs a paid action on the request the address names, unless one is already under way for it
   * here; the request is read once the action has its turn, so it sees what any earlier one did.
   */
  private void oneAtATime(Visit visit, Consumer<CertificateRequest> action) {
    String key = visit.caller() + "/" + visit.ctx().pathParam("id");
    if (!acting.add(key)) {
      show(visit, 409, found(visit), visit.text().get("requests.failure.busy"));
      return;
    }
    try {
      action.accept(found(visit));
    } finally {
      acting.remove(key);
    }
  }

  /** Refuses a form shown before the request moved on: it may no longer mean what it meant. */
  private void movedOn(Visit visit, CertificateRequest request) {
    show(visit, 409, request, visit.text().get("requests.failure.movedOn"));
  }

  private void searchForm(Visit visit) {
    CertificateRequest request = found(visit);
    Either<UseCaseError, CertificateDescription> described =
        describe.describe(request.certificateId());
    if (described.isLeft()) {
      refused(visit, request, described.getLeft());
    } else if (request.searchTarget(described.get().certificate()).isLeft()) {
      visit.redirect(pageOf(request));
    } else {
      searchForm(visit, 200, SearchForm.of(request, described.get(), visit.text()));
    }
  }

  private void searchForm(Visit visit, int status, SearchForm form) {
    visit.render(status, "searchAgain.jte", "requests.search.title", Map.of("form", form));
  }

  private void searchAgain(Visit visit) {
    oneAtATime(visit, request -> searchAgain(visit, request));
  }

  private void searchAgain(Visit visit, CertificateRequest request) {
    String rounds = Option.of(visit.ctx().formParam(ROUNDS_FIELD)).getOrElse("");
    if (!rounds.equals(Integer.toString(request.searches().size()))) {
      movedOn(visit, request);
      return;
    }
    Either<UseCaseError, CertificateDescription> described =
        describe.describe(request.certificateId());
    if (described.isLeft()) {
      refused(visit, request, described.getLeft());
      return;
    }
    io.vavr.collection.Map<String, String> values =
        LinkedHashMap.ofEntries(
            SearchForm.searchable(described.get())
                .map(spec -> spec.key().toString())
                .flatMap(key ->
                    Option.of(visit.ctx().formParam(key))
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .map(value -> Tuple.of(key, value))));
    Either<UseCaseError, CertificateRequest> searched =
        addSearch.addSearch(new AddSearchCommand(query(visit), values));
    if (searched.isLeft() && searched.getLeft() instanceof UseCaseError.InvalidInput invalid) {
      searchForm(
          visit,
          400,
          SearchForm.of(request, described.get(), visit.text(), values, invalid.violations()));
      return;
    }
    act(visit, request, searched);
  }

  private void confirmCancel(Visit visit) {
    CertificateRequest request = found(visit);
    if (request.status().isTerminal()) {
      visit.redirect(pageOf(request));
      return;
    }
    confirmCancel(visit, 200, request, "", "");
  }

  private void confirmCancel(
      Visit visit, int status, CertificateRequest request, String reason, String problem) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("view", view(visit, request));
    parameters.put("reason", reason);
    parameters.put("problem", problem);
    parameters.put("maxReasonLength", MAX_REASON_LENGTH);
    visit.render(status, "cancel.jte", "requests.cancel.title", parameters);
  }

  private void cancel(Visit visit) {
    CertificateRequest request = found(visit);
    String reason = Option.of(visit.ctx().formParam("reason")).map(String::strip).getOrElse("");
    if (reason.isEmpty() || reason.length() > MAX_REASON_LENGTH) {
      String problem =
          reason.isEmpty()
              ? visit.text().get("requests.cancel.reasonMissing")
              : visit.text().format("requests.cancel.reasonTooLong", MAX_REASON_LENGTH);
      confirmCancel(visit, 400, request, reason, problem);
      return;
    }
    act(visit, request, cancel.cancel(new CancelRequestCommand(query(visit), reason)));
  }

  /** Back to the request's page after an action: changed, or with why it was refused. */
  private void act(
      Visit visit, CertificateRequest request, Either<UseCaseError, CertificateRequest> done) {
    if (done.isRight()) {
      visit.redirect(pageOf(done.get()));
      return;
    }
    refused(visit, request, done.getLeft());
  }

  private void refused(Visit visit, CertificateRequest request, UseCaseError refused) {
    if (refused instanceof UseCaseError.NotFound) {
      throw new NotFoundResponse();
    }
    CertificateRequest current = get.get(query(visit)).getOrElse(request);
    Refusal refusal = refusal(refused);
    show(visit, refusal.status(), current, visit.text().get(refusal.key()));
  }

  private void download(Visit visit) {
    var document = documents.retrieve(query(visit));
    if (document.isLeft()) {
      throw new HttpResponseException(
          document.getLeft() instanceof UseCaseError.StorageUnavailable
                  || document.getLeft() instanceof UseCaseError.UpstreamUnavailable
              ? 503
              : 404);
    }
    Archives.serve(visit.ctx(), document.get());
  }

  /** The caller's request the address names; any other is not found. */
  private CertificateRequest found(Visit visit) {
    Either<UseCaseError, CertificateRequest> request = get.get(query(visit));
    if (request.isLeft()) {
      throw new HttpResponseException(
          request.getLeft() instanceof UseCaseError.StorageUnavailable ? 503 : 404);
    }
    return request.get();
  }

  private static RequestQuery query(Visit visit) {
    return new RequestQuery(visit.caller(), visit.ctx().pathParam("id"));
  }

  private static Option<String> param(Visit visit, String name) {
    return Option.of(visit.ctx().queryParam(name))
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }

  /**
   * How a refused action is answered: its HTTP status, as the REST API answers the same error, and
   * the words that tell why.
   */
  private record Refusal(int status, String key) {}

  /** Whether to try again later is in the words: unavailable is worth another try, state is not. */
  private static Refusal refusal(UseCaseError refused) {
    return switch (refused) {
      case UseCaseError.InvalidInput invalid -> new Refusal(400, "requests.failure.invalid");
      case UseCaseError.NotFound notFound -> new Refusal(404, "requests.failure.invalid");
      case UseCaseError.PaymentRequired payment -> new Refusal(402, "requests.failure.payment");
      case UseCaseError.SpendingCapReached cap -> new Refusal(402, "requests.failure.cap");
      case UseCaseError.UpstreamRejected rejected -> new Refusal(422, "requests.failure.rejected");
      case UseCaseError.UpstreamUnavailable unavailable ->
          new Refusal(503, "requests.failure.unavailable");
      case UseCaseError.StorageUnavailable unavailable ->
          new Refusal(503, "requests.failure.unavailable");
      case UseCaseError.ConcurrentChange change -> new Refusal(409, "requests.failure.unavailable");
      case UseCaseError.KeyReusedWithAnotherBody reused ->
          new Refusal(422, "requests.failure.state");
      case UseCaseError.StillBeingCreated creating -> new Refusal(409, "requests.failure.state");
      case UseCaseError.LifecycleRefused lifecycle -> new Refusal(409, "requests.failure.state");
      case UseCaseError.UpstreamConflict conflict -> new Refusal(409, "requests.failure.state");
      case UseCaseError.NotReady notReady -> new Refusal(409, "requests.failure.state");
    };
  }
}
