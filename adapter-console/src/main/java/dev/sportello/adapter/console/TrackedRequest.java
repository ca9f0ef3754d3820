package dev.sportello.adapter.console;

import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.StatusChange;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.submission.Quote;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A request as its pages show it, in one language: its words and dates written out, its latest
 * choice of candidates as a table, its archive's files when it has a document.
 *
 * @param request the request
 * @param text the page's words
 * @param listing the files of its stored document, when it has one
 */
record TrackedRequest(CertificateRequest request, Text text, Option<Archives.Listing> listing) {

  /** Where a candidate attribute's heading is in the bundles, before the attribute's path. */
  private static final String COLUMN = "requests.candidates.column.";

  private static final Pattern PATH_PART = Pattern.compile("\\.");

  /** Where a name's words meet: lower to upper case, letters to digits, an acronym to a word. */
  private static final Pattern WORD_BREAK =
      Pattern.compile(
          "(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})"
              + "|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|\\s+");

  /** The dates are those of the offices the documents come from. */
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  /** One dated step of the history. */
  record Step(String status, String when, String iso, String note) {}

  /** A candidate of the search round to choose from, with its attributes in column order. */
  record Candidate(int index, int number, List<String> cells) {}

  /** The latest search round, when it offers a choice. */
  record Choice(String searchId, List<String> columns, List<Candidate> candidates) {}

  /** One file of the document's archive, its size written out. */
  record File(String name, String size) {}

  /**
   * What tells one state of the request shown from the next: when it last changed and how many
   * steps its history has. It is the same on every instance, so a stream can resume from it.
   */
  static String version(CertificateRequest request) {
    Instant at = request.updatedAt();
    return at.getEpochSecond() + "-" + at.getNano() + "-" + request.history().size();
  }

  /** Whether nothing the page shows can change any more: ended, with any document stored. */
  static boolean settled(CertificateRequest request) {
    return request.status().isTerminal() && request.awaitedDocument().isEmpty();
  }

  String id() {
    return request.id().value();
  }

  String version() {
    return version(request);
  }

  boolean settled() {
    return settled(request);
  }

  String certificateName() {
    return request.certificateName();
  }

  String reference() {
    return request.reference().getOrElse("");
  }

  String status() {
    return statusName(request.status(), text);
  }

  static String statusName(RequestStatus status, Text text) {
    return text.get("requests.status." + status.name());
  }

  String createdAt() {
    return when(request.createdAt(), text);
  }

  String createdAtIso() {
    return request.createdAt().toString();
  }

  static String when(Instant at, Text text) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
        .withLocale(text.language().locale())
        .withZone(ITALY)
        .format(at);
  }

  /** The history, newest first. */
  List<Step> history() {
    return request.history().reverse().map(change -> step(change, text)).toJavaList();
  }

  private static Step step(StatusChange change, Text text) {
    return new Step(
        statusName(change.status(), text),
        when(change.at(), text),
        change.at().toString(),
        change.note());
  }

  /** Upstream's verdict, when it has given one. */
  String outcome() {
    return request.outcome().map(outcome -> outcome.message()).getOrElse("");
  }

  /** Whether another search round may be started: while a search phase runs or awaits a choice. */
  boolean searchesAgain() {
    return !request.searches().isEmpty()
        && (request.status() == RequestStatus.SEARCHING
            || request.status() == RequestStatus.AWAITING_SELECTION);
  }

  boolean cancellable() {
    return !request.status().isTerminal();
  }

  String price(Money amount) {
    return Prices.euros(amount, text);
  }

  Quote quote() {
    return request.submission().quote();
  }

  Option<Choice> choice() {
    if (request.status() != RequestStatus.AWAITING_SELECTION) {
      return Option.none();
    }
    return request.searches().lastOption().filter(SearchRound::offersChoice).map(this::choice);
  }

  /**
   * A column's heading: the engines name a candidate's attributes by their wire paths (such as
   * {@code Indirizzo.Comune} or {@code balanceSheetDate}) and publish no label, so the known ones
   * have words in the bundles and the others are written out from their paths.
   */
  static String columnName(String attribute, Text text) {
    return text.find(COLUMN + attribute).getOrElse(() -> readable(attribute));
  }

  /**
   * A path's words: its parts joined by "›", each split where its case or digits change, the
   * markers engines put before some names left out ({@code NatGiu.!cod} is "Nat giu › cod").
   */
  static String readable(String attribute) {
    String written =
        PATH_PART
            .splitAsStream(attribute)
            .map(part -> part.replace("!", "").replace('_', ' ').strip())
            .filter(part -> !part.isEmpty())
            .map(TrackedRequest::words)
            .collect(Collectors.joining(" › "));
    return written.isEmpty() ? attribute : written;
  }

  /** A part's words, the first capitalised, the others in lower case but for acronyms. */
  private static String words(String part) {
    StringBuilder written = new StringBuilder();
    for (String word : WORD_BREAK.splitAsStream(part).toList()) {
      if (word.isBlank()) {
        continue;
      }
      String trimmed = word.strip();
      if (written.isEmpty()) {
        written
            .append(trimmed.substring(0, 1).toUpperCase(Locale.ROOT))
            .append(trimmed.substring(1));
      } else {
        boolean acronym = trimmed.length() > 1 && trimmed.equals(trimmed.toUpperCase(Locale.ROOT));
        written.append(' ').append(acronym ? trimmed : trimmed.toLowerCase(Locale.ROOT));
      }
    }
    return written.toString();
  }

  private Choice choice(SearchRound round) {
    TreeSet<String> columns =
        TreeSet.ofAll(round.candidates().flatMap(candidate -> candidate.attributes().keySet()));
    return new Choice(
        round.searchId(),
        columns.toList().map(column -> columnName(column, text)).toJavaList(),
        round
            .candidates()
            .map(candidate ->
                new Candidate(
                    candidate.index(),
                    candidate.index() + 1,
                    columns
                        .toList()
                        .map(column -> candidate.attributes().get(column).getOrElse(""))
                        .toJavaList()))
            .toJavaList());
  }

  /** The candidate chosen, numbered as the table numbers it, when one was. */
  String chosen() {
    return request
        .selection()
        .map(selection -> Integer.toString(selection.index() + 1))
        .getOrElse("");
  }

  boolean hasDocument() {
    return request.document().isDefined();
  }

  String documentName() {
    return request.document().map(document -> document.name()).getOrElse("");
  }

  String documentSize() {
    return request.document().map(document -> size(document.sizeBytes(), text)).getOrElse("");
  }

  boolean archiveUnreadable() {
    return listing.exists(shown -> shown instanceof Archives.Listing.Unreadable);
  }

  /** The archive's files, when they could be read. */
  List<File> files() {
    return listing
        .map(shown ->
            switch (shown) {
              case Archives.Listing.Files files ->
                  files.files().stream()
                      .map(file -> new File(file.name(), size(file.sizeBytes(), text)))
                      .toList();
              case Archives.Listing.Unreadable unreadable -> List.<File>of();
            })
        .getOrElse(List.of());
  }

  /** Whether a bound stopped the listing before its end. */
  boolean moreFiles() {
    return listing.exists(
        shown -> shown instanceof Archives.Listing.Files files && !files.complete());
  }

  static String size(long bytes, Text text) {
    if (bytes < 1024) {
      return text.format("requests.size.bytes", bytes);
    }
    if (bytes < 1024 * 1024) {
      return text.format("requests.size.kilobytes", bytes / 1024.0);
    }
    return text.format("requests.size.megabytes", bytes / (1024.0 * 1024.0));
  }
}
