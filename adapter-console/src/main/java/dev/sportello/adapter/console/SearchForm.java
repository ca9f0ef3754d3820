package dev.sportello.adapter.console;

import dev.sportello.application.port.in.CertificateDescription;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.submission.Quote;
import io.vavr.collection.List;
import io.vavr.collection.Map;

/**
 * The form of another search round on a request of a product with a search phase: its fields filled
 * in with the values the request was ordered with, what a round costs, and what the last try got
 * wrong.
 *
 * @param requestId the request's id
 * @param rounds how many search rounds the request had when the form was shown: the console refuses
 *     the form once the request has more, so that sending it twice never pays for two rounds
 * @param certificateName the certificate's name
 * @param price what a round costs, VAT included, written out
 * @param fields the fields, in the published order; files cannot be searched again
 * @param problems what was wrong that is about no single field
 */
record SearchForm(
    String requestId,
    int rounds,
    String certificateName,
    String price,
    java.util.List<SearchField> fields,
    java.util.List<String> problems) {

  /**
   * One field.
   *
   * @param id its control's HTML id
   * @param name its key, the control's name
   * @param label its published name
   * @param value the value to search with
   * @param help its published instructions, possibly empty
   * @param messages what is wrong with its value, possibly nothing
   */
  record SearchField(
      String id,
      String name,
      String label,
      String value,
      String help,
      java.util.List<String> messages) {

    boolean invalid() {
      return !messages.isEmpty();
    }

    String messageId() {
      return id + "-error";
    }
  }

  /** The form with the request's own values, nothing wrong yet. */
  static SearchForm of(CertificateRequest request, CertificateDescription description, Text text) {
    return of(
        request,
        description,
        text,
        request.submission().values().mapKeys(Object::toString),
        List.empty());
  }

  /** The form as sent back, with what was wrong. */
  static SearchForm of(
      CertificateRequest request,
      CertificateDescription description,
      Text text,
      Map<String, String> values,
      List<Violation> violations) {
    List<FieldSpec> searchable = searchable(description);
    java.util.List<SearchField> fields =
        searchable
            .zipWithIndex()
            .map(numbered -> {
              FieldSpec spec = numbered._1;
              String key = spec.key().toString();
              return new SearchField(
                  "search-field-" + numbered._2,
                  key,
                  spec.displayName(),
                  values.get(key).getOrElse(""),
                  spec.instructions(),
                  violations
                      .filter(violation -> violation.subject().equals(key))
                      .map(Violation::message)
                      .toJavaList());
            })
            .toJavaList();
    List<String> keys = searchable.map(spec -> spec.key().toString());
    Money round = description.certificate().searchPrice();
    return new SearchForm(
        request.id().value(),
        request.searches().size(),
        request.certificateName(),
        Prices.euros(round.plus(round.percent(Quote.VAT_PERCENT)), text),
        fields,
        violations
            .filter(violation -> !keys.contains(violation.subject()))
            .map(Violation::message)
            .toJavaList());
  }

  /** The fields a search takes: all but files, in the published order. */
  static List<FieldSpec> searchable(CertificateDescription description) {
    return description
        .fields()
        .map(CertificateDescription.Field::spec)
        .filter(spec -> !(spec.type() instanceof FieldType.File));
  }
}
