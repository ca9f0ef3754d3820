package dev.sportello.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sportello.application.port.in.CertificateDescription;
import dev.sportello.application.port.in.GetSpendingUseCase.SpendingFigures;
import dev.sportello.application.port.in.ValidationReport;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.SchemaWarning;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.Selection;
import dev.sportello.domain.request.StatusChange;
import dev.sportello.domain.rule.RequirementRule;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.spending.CapReached;
import dev.sportello.domain.submission.Quote;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the API, and how the domain becomes them. Plain records and JDK collections
 * only: no domain or Vavr type reaches the wire. Times are ISO-8601 strings in UTC; money is an
 * object with integer cents and a decimal euro string.
 */
final class Views {
  private Views() {}

  /** A page of items; {@code nextCursor} is null on the last page. */
  record Page<T>(List<T> items, @Nullable String nextCursor) {}

  /** An amount of euro: exact integer cents, and the same amount as a decimal string. */
  record MoneyView(long cents, String euros, String currency) {
    static MoneyView of(Money money) {
      return new MoneyView(money.cents(), Views.euros(money), "EUR");
    }
  }

  record QuoteView(
      MoneyView document,
      MoneyView search,
      MoneyView extras,
      MoneyView net,
      int vatPercent,
      MoneyView vat,
      MoneyView total) {
    static QuoteView of(Quote quote) {
      return new QuoteView(
          MoneyView.of(quote.document()),
          MoneyView.of(quote.search()),
          MoneyView.of(quote.extras()),
          MoneyView.of(quote.net()),
          Quote.VAT_PERCENT,
          MoneyView.of(quote.vat()),
          MoneyView.of(quote.total()));
    }
  }

  /**
   * One line of the catalogue.
   *
   * @param engine the name of the engine that publishes the certificate, such as {@code visengine}
   */
  record CertificateSummary(String id, String engine, String name, String category) {
    static CertificateSummary of(CatalogEntry entry) {
      return new CertificateSummary(
          entry.id().value(), entry.engine().name(), entry.name(), entry.category());
    }
  }

  /**
   * One field of a form.
   *
   * @param key the key the engine published, such as {@code $0}
   * @param label the label
   * @param type the type's name as the engine published it, such as {@code testo}
   * @param kind the type as Sportello checks it, such as {@code text}; {@code unknown} for a type
   *     it does not know (checked as free text)
   * @param required whether every way of satisfying the rule needs the field
   * @param mayBeEmpty the published may-be-empty flag
   * @param order the display position
   * @param instructions the help text
   */
  record FieldView(
      String key,
      String label,
      String type,
      String kind,
      boolean required,
      boolean mayBeEmpty,
      int order,
      String instructions) {
    static FieldView of(CertificateDescription.Field field) {
      var spec = field.spec();
      return new FieldView(
          spec.key().toString(),
          spec.label(),
          spec.publishedType(),
          spec.type().kind(),
          field.required(),
          spec.mayBeEmpty(),
          spec.displayOrder(),
          spec.instructions());
    }
  }

  record ExtraView(String key, String kind, MoneyView price) {
    static ExtraView of(Extra extra) {
      return new ExtraView(extra.key(), extra.kind(), MoneyView.of(extra.price()));
    }
  }

  record WarningView(String code, String message) {
    static WarningView of(SchemaWarning warning) {
      return new WarningView(warning.code(), warning.message());
    }
  }

  record CertificateDetail(
      String id,
      String engine,
      String name,
      String category,
      boolean hasSearchPhase,
      boolean synchronous,
      String instructions,
      String searchInstructions,
      List<FieldView> fields,
      @Nullable String rule,
      String publishedRule,
      List<List<String>> alternatives,
      List<ExtraView> extras,
      QuoteView quote,
      List<WarningView> warnings) {
    static CertificateDetail of(CertificateDescription description) {
      Certificate certificate = description.certificate();
      return new CertificateDetail(
          certificate.id().value(),
          certificate.engine().name(),
          certificate.name(),
          certificate.category(),
          certificate.hasSearchPhase(),
          certificate.synchronous(),
          certificate.instructions(),
          certificate.searchInstructions(),
          description.fields().map(FieldView::of).toJavaList(),
          certificate.schema().requirement().map(RequirementRule::print).getOrNull(),
          certificate.schema().ruleText(),
          description
              .alternatives()
              .map(keys -> keys.toList().sorted().map(FieldKey::toString).toJavaList())
              .toJavaList(),
          certificate.extras().map(ExtraView::of).toJavaList(),
          QuoteView.of(description.baseQuote()),
          certificate.schema().warnings().map(WarningView::of).toJavaList());
    }
  }

  /**
   * One violation.
   *
   * @param field the field key such as {@code $3}, or a general subject such as {@code rule},
   *     {@code extras}, {@code notifyEmail}
   * @param label the field's label, or empty
   * @param code a stable snake-case code
   * @param message an explanation; never contains the refused value
   */
  record ViolationView(String field, String label, String code, String message) {
    static ViolationView of(Violation violation) {
      return new ViolationView(
          violation.subject(), violation.label(), violation.code(), violation.message());
    }
  }

  record ValidationView(
      boolean valid,
      List<ViolationView> violations,
      @Nullable QuoteView quote,
      boolean upstreamChecked) {
    static ValidationView of(ValidationReport report) {
      return new ValidationView(
          report.valid(),
          report.violations().map(ViolationView::of).toJavaList(),
          report.quote().map(QuoteView::of).getOrNull(),
          report.upstreamChecked());
    }
  }

  record HistoryView(String status, String at, String note) {
    static HistoryView of(StatusChange change) {
      return new HistoryView(change.status().name(), time(change.at()), change.note());
    }
  }

  record CandidateView(int index, Map<String, String> attributes) {
    static CandidateView of(SearchCandidate candidate) {
      return new CandidateView(
          candidate.index(), new LinkedHashMap<>(candidate.attributes().toJavaMap()));
    }
  }

  record SearchView(String searchId, String state, List<CandidateView> candidates) {
    static SearchView of(SearchRound round) {
      return new SearchView(
          round.searchId(),
          round.state().name(),
          round.candidates().map(CandidateView::of).toJavaList());
    }
  }

  record SelectionView(String searchId, int index, String at) {
    static SelectionView of(Selection selection) {
      return new SelectionView(selection.searchId(), selection.index(), time(selection.at()));
    }
  }

  record OutcomeView(String code, String message, boolean success) {
    static OutcomeView of(Outcome outcome) {
      return new OutcomeView(outcome.code(), outcome.message(), outcome.isSuccess());
    }
  }

  record DocumentView(String name, long sizeBytes, String sha256) {
    static DocumentView of(DocumentRef ref) {
      return new DocumentView(ref.name(), ref.sizeBytes(), ref.sha256());
    }
  }

  /**
   * A request as its caller sees it. The submitted values are not echoed: they are personal data,
   * and the caller already has them.
   *
   * @param engine the name of the engine that processes the request
   */
  record RequestView(
      String id,
      String engine,
      String certificateId,
      String certificateName,
      String status,
      @Nullable String reference,
      List<String> extras,
      QuoteView quote,
      List<HistoryView> history,
      List<SearchView> searches,
      @Nullable SelectionView selection,
      @Nullable OutcomeView outcome,
      @Nullable DocumentView document,
      String createdAt,
      String updatedAt) {
    static RequestView of(CertificateRequest request) {
      return new RequestView(
          request.id().value(),
          request.engine().name(),
          request.certificateId().value(),
          request.certificateName(),
          request.status().name(),
          request.reference().getOrNull(),
          request.submission().extras().map(Extra::key).toJavaList(),
          QuoteView.of(request.submission().quote()),
          request.history().map(HistoryView::of).toJavaList(),
          request.searches().map(SearchView::of).toJavaList(),
          request.selection().map(SelectionView::of).getOrNull(),
          request.outcome().map(OutcomeView::of).getOrNull(),
          request.document().map(DocumentView::of).getOrNull(),
          time(request.createdAt()),
          time(request.updatedAt()));
    }
  }

  record FileView(String name, long sizeBytes, String contentType) {}

  /** {@code details} only when there are some. */
  record HealthView(
      String status,
      Map<String, String> checks,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {}

  /**
   * An RFC 9457 problem body; {@code violations} and {@code upstreamCode} only when relevant, and
   * the cap, its period, what was spent in it, what the order costs and when the cap resets only
   * when an order would go over a spending cap.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProblemView(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      String code,
      @Nullable List<ViolationView> violations,
      @Nullable String upstreamCode,
      @Nullable MoneyView cap,
      @Nullable String period,
      @Nullable MoneyView spent,
      @Nullable MoneyView amount,
      @Nullable String resetsAt) {
    static ProblemView of(Problem problem, String instance) {
      @Nullable CapReached reached = problem.capReached().getOrNull();
      return new ProblemView(
          problem.type(),
          problem.title(),
          problem.status(),
          problem.detail(),
          instance,
          problem.code(),
          problem.code().equals("invalid_input")
              ? problem.violations().map(ViolationView::of).toJavaList()
              : null,
          problem.upstreamCode().getOrNull(),
          reached == null ? null : MoneyView.of(reached.cap().limit()),
          reached == null ? null : reached.cap().period().noun(),
          reached == null ? null : MoneyView.of(reached.spent()),
          reached == null ? null : MoneyView.of(reached.amount()),
          reached == null ? null : time(reached.resetsAt()));
    }
  }

  /**
   * What a caller spent in the current day and month, with VAT.
   *
   * @param periods the day's figures, then the month's
   */
  record SpendingView(List<SpendingPeriodView> periods) {
    static SpendingView of(io.vavr.collection.List<SpendingFigures> figures) {
      return new SpendingView(figures.map(SpendingPeriodView::of).toJavaList());
    }
  }

  /**
   * One period's figures; {@code cap} and {@code remaining} are null when the period is not capped.
   */
  record SpendingPeriodView(
      String period,
      @Nullable MoneyView cap,
      MoneyView spent,
      @Nullable MoneyView remaining,
      String resetsAt) {
    static SpendingPeriodView of(SpendingFigures figures) {
      return new SpendingPeriodView(
          figures.period().noun(),
          figures.cap().map(MoneyView::of).getOrNull(),
          MoneyView.of(figures.spent()),
          figures.remaining().map(MoneyView::of).getOrNull(),
          time(figures.resetsAt()));
    }
  }

  /** Plain decimal euros with two places, such as {@code 12.08}. */
  static String euros(Money money) {
    return money.euros().toPlainString();
  }

  /** ISO-8601, UTC. */
  static String time(Instant instant) {
    return instant.toString();
  }
}
