package dev.sportello.adapter.console;

import dev.sportello.application.port.in.CertificateDescription;
import dev.sportello.application.port.in.DescribeCertificateUseCase;
import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.in.SubmitRequestUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.ValidateSubmissionCommand;
import dev.sportello.application.port.in.ValidateSubmissionUseCase;
import dev.sportello.application.port.in.ValidationReport;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.shared.Violation;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;

/**
 * The order form of each certificate, generated from its published schema: shown, checked (as the
 * person types through htmx, or by a button without script), and ordered once per rendering.
 */
final class Forms {
  static final String BASE = "/certificates";

  /** The prefix of the parameters that tell the check as one types which files are chosen. */
  static final String CHOSEN = "chosen:";

  static final String KEY_FIELD = "idempotencyKey";

  /**
   * The most files one order form posts: a form with more file fields than this cannot be posted
   * whole. Published forms ask for one or two (an identity document, a mandate).
   */
  static final int MAX_FILES = 4;

  /** Room for the form's typed values, extras and multipart framing beside its files. */
  static final long TEXT_BYTES = 256L * 1024;

  private final DescribeCertificateUseCase describe;
  private final ValidateSubmissionUseCase validate;
  private final SubmitRequestUseCase submit;
  private final ValuePolicy files;
  private final Sessions tokens;

  Forms(
      DescribeCertificateUseCase describe,
      ValidateSubmissionUseCase validate,
      SubmitRequestUseCase submit,
      ValuePolicy files,
      Sessions tokens) {
    this.describe = describe;
    this.validate = validate;
    this.submit = submit;
    this.files = files;
    this.tokens = tokens;
  }

  /** The largest body an order form may post: its files at their largest, and its text. */
  static long maxPostBytes(ValuePolicy files) {
    return MAX_FILES * files.maxFileBytes() + TEXT_BYTES;
  }

  static String path(CertificateId id) {
    return path(id.value());
  }

  static String path(String certificateId) {
    return BASE + "/" + certificateId;
  }

  void register(Routes routes) {
    routes.get(BASE + "/{id}", Access.SIGNED_IN, this::show);
    routes.post(BASE + "/{id}/check", Access.SIGNED_IN, BASE + "/{id}", this::check);
    routes.post(BASE + "/{id}/order", Access.SIGNED_IN, BASE + "/{id}", this::order);
  }

  private void show(Visit visit) {
    described(visit)
        .forEach(description -> render(visit, 200, form(description, visit).fresh(tokens.token())));
  }

  private void check(Visit visit) {
    described(visit)
        .forEach(description -> {
          boolean typing = visit.byHtmx();
          Filled filled = filled(visit, description, !typing);
          Either<UseCaseError, ValidationReport> report =
              validate.validate(new ValidateSubmissionCommand(input(description, filled), false));
          FormView view =
              report.fold(
                  failure ->
                      form(description, visit)
                          .checked(
                              filled,
                              refusal(failure, visit.text()),
                              Option.none(),
                              key(visit),
                              !typing),
                  found ->
                      form(description, visit)
                          .checked(filled, found.violations(), found.quote(), key(visit), !typing));
          if (typing) {
            visit.render(200, "formCheck.jte", "form.title", java.util.Map.of("form", view));
          } else {
            render(visit, 200, view);
          }
        });
  }

  private void order(Visit visit) {
    described(visit)
        .forEach(description -> {
          Filled filled = filled(visit, description, true);
          String key = key(visit);
          if (filled.files().values().exists(file -> !file.problem().isEmpty())) {
            render(
                visit,
                422,
                form(description, visit).checked(filled, List.empty(), Option.none(), key, true));
            return;
          }
          var ordered =
              submit.submit(
                  new SubmitRequestCommand(visit.caller(), key, input(description, filled)));
          if (ordered.isRight()) {
            visit.redirect(requestPath(ordered.get().id().value()));
            return;
          }
          UseCaseError failure = ordered.getLeft();
          // Nothing was ordered under this key for a refused input: the corrected form orders
          // under a new one. Any other refusal keeps the key, so that pressing Order again never
          // orders twice: a form that already placed an order (sent again after Back with other
          // values) points to it and to a new form instead.
          boolean invalid = failure instanceof UseCaseError.InvalidInput;
          visit.render(
              invalid ? 422 : 409,
              "form.jte",
              "form.title",
              java.util.Map.of(
                  "form",
                  form(description, visit)
                      .checked(
                          filled,
                          refusal(failure, visit.text()),
                          Option.none(),
                          invalid ? tokens.token() : key,
                          true),
                  "placed",
                  failure instanceof UseCaseError.KeyReusedWithAnotherBody reused
                      ? requestPath(reused.first().value())
                      : ""));
        });
  }

  /** A request's page. */
  static String requestPath(String requestId) {
    return "/requests/" + requestId;
  }

  private OrderForm form(CertificateDescription description, Visit visit) {
    return new OrderForm(description, files, visit.text());
  }

  private void render(Visit visit, int status, FormView view) {
    visit.render(status, "form.jte", "form.title", java.util.Map.of("form", view));
  }

  /** The certificate the address names, or its error page (and then empty). */
  private Option<CertificateDescription> described(Visit visit) {
    var id = CertificateId.parse(visit.ctx().pathParam("id"));
    if (id.isInvalid()) {
      visit.ctx().status(404);
      return Option.none();
    }
    var described = describe.describe(id.get());
    if (described.isLeft()) {
      visit.ctx().status(described.getLeft() instanceof UseCaseError.NotFound ? 404 : 503);
      return Option.none();
    }
    return Option.some(described.get());
  }

  /** The form's key, as rendered with it; a post without a well-formed one gets a new one. */
  private String key(Visit visit) {
    return Option.of(visit.ctx().formParam(KEY_FIELD))
        .filter(key -> Sessions.TOKEN.matcher(key).matches())
        .getOrElse(tokens::token);
  }

  /**
   * What the post holds. Files are read when sent (an order, or a check by button), else taken as
   * the type and size that the check as one types sends for them.
   */
  private Filled filled(Visit visit, CertificateDescription description, boolean readFiles) {
    Context ctx = visit.ctx();
    boolean multipart = ctx.isMultipartFormData();
    Map<String, String> values = LinkedHashMap.empty();
    Map<String, Filled.ChosenFile> chosen = LinkedHashMap.empty();
    for (CertificateDescription.Field field : description.fields()) {
      String key = field.spec().key().toString();
      if (field.spec().type() instanceof FieldType.File) {
        Option<Filled.ChosenFile> file =
            readFiles && multipart
                ? upload(ctx.uploadedFile(key), visit.text())
                : announced(ctx.formParam(CHOSEN + key), visit.text());
        if (file.isDefined()) {
          chosen = chosen.put(key, file.get());
        }
      } else {
        String value = ctx.formParam(key);
        if (value != null) {
          values = values.put(key, value);
        }
      }
    }
    return new Filled(values, chosen, List.ofAll(ctx.formParams("extras")));
  }

  private Option<Filled.ChosenFile> upload(UploadedFile file, Text text) {
    if (file == null || (file.size() == 0 && file.filename().isBlank())) {
      return Option.none();
    }
    String type = mediaType(file.contentType());
    Option<String> problem = problem(type, file.size(), text);
    if (problem.isDefined()) {
      return Option.some(new Filled.ChosenFile("", problem.get()));
    }
    try (InputStream in = file.content()) {
      String content = Base64.getEncoder().encodeToString(in.readNBytes((int) file.size()));
      return Option.some(
          new Filled.ChosenFile(
              baseName(file.filename()) + "|data:" + type + ";base64," + content, ""));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** A file's type and size as the check as one types sends them: {@code type;size}. */
  private Option<Filled.ChosenFile> announced(String announcement, Text text) {
    if (announcement == null || announcement.isBlank()) {
      return Option.none();
    }
    String[] parts = announcement.split(";", 2);
    long size = parts.length == 2 ? parseSize(parts[1]) : -1;
    return Option.some(
        new Filled.ChosenFile("", problem(mediaType(parts[0]), size, text).getOrElse("")));
  }

  private Option<String> problem(String type, long size, Text text) {
    if (!files.allowedFileTypes().contains(type)) {
      return Option.some(
          text.format("form.fileType", files.allowedFileTypes().toList().sorted().mkString(", ")));
    }
    if (size < 0 || size > files.maxFileBytes()) {
      return Option.some(
          text.format("form.fileSize", Math.max(1, files.maxFileBytes() / (1024 * 1024))));
    }
    return Option.none();
  }

  private static long parseSize(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException malformed) {
      return -1;
    }
  }

  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  /** Some browsers send the whole path of a file: only its name is kept. */
  private static String baseName(String filename) {
    String name =
        filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
    return name.replace("|", "_");
  }

  /** The submission as the use cases take it: typed values, and files that could be read. */
  private static SubmissionInput input(CertificateDescription description, Filled filled) {
    Map<String, String> values =
        filled
            .values()
            .merge(
                filled
                    .files()
                    .filterValues(file -> !file.inline().isEmpty())
                    .mapValues(Filled.ChosenFile::inline));
    return new SubmissionInput(
        description.certificate().id().value(),
        values,
        filled.extras(),
        Option.none(),
        Option.none());
  }

  /** Why a use case refused, as violations to show: its own, or one general reason in words. */
  private static List<Violation> refusal(UseCaseError failure, Text text) {
    return switch (failure) {
      case UseCaseError.InvalidInput invalid -> invalid.violations();
      case UseCaseError.SpendingCapReached reached -> general("order.spendingCap", text);
      case UseCaseError.StillBeingCreated creating -> general("order.stillBeingCreated", text);
      case UseCaseError.PaymentRequired payment -> general("order.paymentRequired", text);
      case UseCaseError.KeyReusedWithAnotherBody reused -> general("order.keyReused", text);
      case UseCaseError.UpstreamRejected rejected ->
          List.of(
              Violation.general(
                  "order",
                  "order.upstreamRejected",
                  text.format("order.upstreamRejected", rejected.message())));
      case UseCaseError.NotFound notFound -> general("order.notFound", text);
      case UseCaseError.ConcurrentChange change -> general("order.unavailable", text);
      case UseCaseError.LifecycleRefused refused -> general("order.unavailable", text);
      case UseCaseError.UpstreamConflict conflict -> general("order.unavailable", text);
      case UseCaseError.NotReady notReady -> general("order.unavailable", text);
      case UseCaseError.UpstreamUnavailable unavailable -> general("order.unavailable", text);
      case UseCaseError.StorageUnavailable unavailable -> general("order.unavailable", text);
    };
  }

  private static List<Violation> general(String key, Text text) {
    return List.of(Violation.general("order", key, text.get(key)));
  }
}
