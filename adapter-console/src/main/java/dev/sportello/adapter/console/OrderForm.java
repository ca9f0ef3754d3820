package dev.sportello.adapter.console;

import dev.sportello.adapter.console.FormView.CheckView;
import dev.sportello.adapter.console.FormView.Control;
import dev.sportello.adapter.console.FormView.ExtraChoice;
import dev.sportello.adapter.console.FormView.QuoteView;
import dev.sportello.application.port.in.CertificateDescription;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.submission.Quote;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.util.Locale;

/**
 * Builds an order form's view from the certificate's description, what was filled in and what the
 * checks found. What the rule still needs is the domain's answer ({@code missing}) for the fields
 * that have something in them, files included, put in words.
 */
final class OrderForm {
  /** The violations the rule's words replace: the domain's own account of what is missing. */
  private static final List<String> MISSING = List.of("required", "requirement_unmet");

  private final CertificateDescription description;
  private final ValuePolicy files;
  private final Text text;

  OrderForm(CertificateDescription description, ValuePolicy files, Text text) {
    this.description = description;
    this.files = files;
    this.text = text;
  }

  /** The form as first shown: empty, no verdict. */
  FormView fresh(String idempotencyKey) {
    Filled nothing = new Filled(LinkedHashMap.empty(), LinkedHashMap.empty(), List.empty());
    return view(nothing, List.empty(), Option.none(), idempotencyKey, false, false);
  }

  /**
   * The form with what a check or a refused order found.
   *
   * @param violations the domain's violations
   * @param quote the domain's quote, when it could price what was filled in
   * @param showMissing whether each field every way still needs says so next to itself (after an
   *     order or a check by button; while typing, the summary says it once)
   */
  FormView checked(
      Filled filled,
      List<Violation> violations,
      Option<Quote> quote,
      String idempotencyKey,
      boolean showMissing) {
    return view(filled, violations, quote, idempotencyKey, true, showMissing);
  }

  private FormView view(
      Filled filled,
      List<Violation> violations,
      Option<Quote> quote,
      String idempotencyKey,
      boolean checked,
      boolean showMissing) {
    Certificate certificate = description.certificate();
    List<Violation> shown = violations.filter(violation -> !MISSING.contains(violation.code()));
    List<Set<FieldKey>> missing = missing(filled.presentKeys());
    Set<FieldKey> alwaysMissing =
        missing.isEmpty()
            ? TreeSet.empty()
            : missing.tail().foldLeft(missing.head(), Set::intersect);
    List<Control> controls =
        description
            .fields()
            .zipWithIndex()
            .map(field ->
                control(
                    field._1,
                    field._2,
                    filled,
                    shown,
                    showMissing && alwaysMissing.contains(field._1.spec().key())));
    List<String> fieldKeys = description.fields().map(field -> field.spec().key().toString());
    List<String> general =
        shown.filter(violation -> !fieldKeys.contains(violation.subject())).map(this::message);
    boolean valid =
        checked
            && shown.isEmpty()
            && missing.isEmpty()
            && filled.files().values().forAll(file -> file.problem().isEmpty());
    return new FormView(
        certificate.id().value(),
        certificate.name(),
        certificate.category(),
        certificate.instructions(),
        certificate.hasSearchPhase() ? text.get("form.searchPhase") : "",
        inWords("form.requirement", missing(TreeSet.empty())),
        controls.asJava(),
        extras(filled).asJava(),
        quote(quote.getOrElse(() -> Quote.of(certificate, chosen(filled)))),
        new CheckView(
            inWords("check.stillNeeded", missing),
            toCorrect(controls, shown, filled),
            general.asJava(),
            valid,
            checked),
        idempotencyKey,
        !filled.files().isEmpty());
  }

  /** The fields with a wrong value (a violation of theirs, or a file that cannot be taken). */
  private String toCorrect(List<Control> controls, List<Violation> violations, Filled filled) {
    List<String> wrong =
        controls
            .filter(control ->
                violations.exists(violation -> violation.subject().equals(control.name()))
                    || filled.files().get(control.name()).exists(file -> !file.problem().isEmpty()))
            .map(Control::label);
    return wrong.isEmpty() ? "" : text.format("check.toCorrect", wrong.mkString(", "));
  }

  private Control control(
      CertificateDescription.Field field,
      int index,
      Filled filled,
      List<Violation> violations,
      boolean stillNeeded) {
    String key = field.spec().key().toString();
    boolean isFile = field.spec().type() instanceof FieldType.File;
    List<String> messages =
        violations.filter(violation -> violation.subject().equals(key)).map(this::message);
    if (isFile) {
      messages =
          filled
              .files()
              .get(key)
              .map(Filled.ChosenFile::problem)
              .filter(problem -> !problem.isEmpty())
              .toList()
              .appendAll(messages);
    }
    if (stillNeeded) {
      messages = messages.append(text.get("check.required"));
    }
    return new Control(
        "field-" + index,
        key,
        field.spec().displayName(),
        input(field.spec().type()),
        isFile ? "" : filled.values().get(key).getOrElse(""),
        field.required(),
        field.spec().instructions(),
        isFile ? files.allowedFileTypes().toList().sorted().mkString(",") : "",
        messages.asJava());
  }

  private static String input(FieldType type) {
    return switch (type) {
      case FieldType.Date date -> "date";
      case FieldType.File file -> "file";
      default -> "text";
    };
  }

  private List<ExtraChoice> extras(Filled filled) {
    return description
        .certificate()
        .extras()
        .zipWithIndex()
        .map(extra ->
            new ExtraChoice(
                "extra-" + extra._2,
                extra._1.key(),
                text.format("form.extra", name(extra._1), Prices.euros(extra._1.price(), text)),
                filled.extras().contains(extra._1.key())));
  }

  /**
   * An extra's name in the page's language: the engines publish only a code for what it is (such as
   * {@code urgenza}), which has words of ours when it is a known one, else is shown readably
   * ("assistenza dedicata" for {@code assistenza_dedicata}).
   */
  private String name(Extra extra) {
    String code = extra.kind().isBlank() ? extra.key() : extra.kind().strip();
    return text.find("extra." + code.toLowerCase(Locale.ROOT))
        .getOrElse(() -> {
          String words = code.replace('_', ' ').replace('-', ' ').strip();
          return words.isEmpty()
              ? code
              : words.substring(0, 1).toUpperCase(text.language().locale()) + words.substring(1);
        });
  }

  private List<Extra> chosen(Filled filled) {
    return description
        .certificate()
        .extras()
        .filter(extra -> filled.extras().contains(extra.key()));
  }

  private QuoteView quote(Quote quote) {
    return new QuoteView(
        Prices.euros(quote.document(), text),
        description.certificate().hasSearchPhase() ? Prices.euros(quote.search(), text) : "",
        Prices.euros(quote.extras(), text),
        Prices.euros(quote.vat(), text),
        Prices.euros(quote.total(), text));
  }

  /** The rule's smallest ways to be satisfied, given the fields with something in them. */
  private List<Set<FieldKey>> missing(Set<String> present) {
    Set<FieldKey> keys =
        TreeSet.ofAll(present.toList().flatMap(key -> FieldKey.parse(key).toOption()));
    return description
        .certificate()
        .schema()
        .requirement()
        .map(rule -> rule.missing(keys))
        .getOrElse(List.empty());
  }

  /**
   * What is missing in words: "Codice Fiscale — or Copia Mandato, for the other alternative", each
   * field by its published name.
   */
  private String inWords(String sentenceKey, List<Set<FieldKey>> alternatives) {
    if (alternatives.isEmpty()) {
      return "";
    }
    Set<FieldKey> common =
        alternatives.size() == 1
            ? TreeSet.empty()
            : alternatives.tail().foldLeft(alternatives.head(), Set::intersect);
    String ways =
        alternatives
            .map(alternative -> names(alternative.removeAll(common)))
            .mkString(text.get("check.or"));
    String others =
        switch (alternatives.size()) {
          case 1 -> "";
          case 2 -> text.get("check.otherAlternative");
          default -> text.get("check.otherAlternatives");
        };
    if (!common.isEmpty()) {
      ways = names(common) + text.get("check.andEither") + ways;
    }
    return text.format(sentenceKey, ways + others);
  }

  /** Such as "Cognome, Nome and Data di nascita". */
  private String names(Set<FieldKey> keys) {
    List<String> names = keys.toList().sorted().map(this::nameOf);
    return names.size() < 2
        ? names.mkString()
        : names.init().mkString(", ") + text.get("check.and") + names.last();
  }

  private String nameOf(FieldKey key) {
    return description
        .certificate()
        .schema()
        .field(key)
        .map(field -> field.displayName())
        .getOrElse(key.toString());
  }

  /**
   * A violation in the page's language: ours where we have words for its code, else the domain's.
   */
  private String message(Violation violation) {
    String message = text.find("violation." + violation.code()).getOrElse(violation.message());
    return message.isEmpty()
        ? message
        : message.substring(0, 1).toUpperCase(text.language().locale()) + message.substring(1);
  }
}
