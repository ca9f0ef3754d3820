package dev.sportello.adapter.rest;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.shared.Money;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A certificate read back from the JSON that {@code GET /api/v1/certificates/{id}} answers. The
 * form is read again from its fields and published rule, so its warnings are those the fields as
 * shown still have.
 */
final class CertificateDetails {
  /**
   * Descriptions saved before the API showed engines have no {@code engine}: Visengine was the only
   * one then.
   */
  private static final Engine ENGINE_BEFORE_ENGINES_WERE_SHOWN = new Engine("visengine");

  /** Later versions may add members; they are not needed to check a submission. */
  private static final JsonMapper MAPPER =
      Json.MAPPER.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private CertificateDetails() {}

  /** Empty when the text is not JSON with a form's fields and published rule. */
  static Option<Either<String, Certificate>> read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException notJson) {
      return Option.none();
    }
    if (!root.path("fields").isArray() || !root.path("publishedRule").isString()) {
      return Option.none();
    }
    try {
      Views.CertificateDetail detail = MAPPER.treeToValue(root, Views.CertificateDetail.class);
      return Option.some(engine(root).flatMap(engine -> certificate(engine, detail)));
    } catch (JacksonException unreadable) {
      return Option.some(Either.left(refused(unreadable.getOriginalMessage())));
    } catch (IllegalArgumentException | NullPointerException invalid) {
      // A member left out or out of range: the domain's constructors refuse it.
      return Option.some(Either.left(refused(String.valueOf(invalid.getMessage()))));
    }
  }

  private static Either<String, Engine> engine(JsonNode root) {
    JsonNode engine = root.path("engine");
    if (engine.isMissingNode()) {
      return Either.right(ENGINE_BEFORE_ENGINES_WERE_SHOWN);
    }
    if (!engine.isString()) {
      return Either.left("engine: an engine is named by a string");
    }
    return Engine.parse(engine.asString())
        .toEither()
        .mapLeft(violation -> "engine: " + violation.message());
  }

  private static Either<String, Certificate> certificate(
      Engine engine, Views.CertificateDetail detail) {
    var id = CertificateId.parse(detail.id());
    if (id.isInvalid()) {
      return Either.left("id: " + id.getError().message());
    }
    List<FieldDeclaration> fields = List.empty();
    for (Views.FieldView field : detail.fields()) {
      Option<FieldType> type = FieldType.ofKind(field.kind());
      if (type.isEmpty()) {
        return Either.left("fields: the kind of " + field.key() + " is not one Sportello knows");
      }
      fields =
          fields.prepend(
              new FieldDeclaration(
                  field.key(),
                  field.label(),
                  type.get(),
                  field.type(),
                  field.mayBeEmpty(),
                  field.order(),
                  field.instructions()));
    }
    var document = Money.ofCents(detail.quote().document().cents());
    var search = Money.ofCents(detail.quote().search().cents());
    List<Extra> extras = List.empty();
    for (Views.ExtraView extra : detail.extras()) {
      extras =
          extras.prepend(
              new Extra(extra.key(), extra.kind(), Money.ofCents(extra.price().cents())));
    }
    return Either.right(
        new Certificate(
            id.get(),
            engine,
            detail.name(),
            detail.category(),
            document,
            search,
            detail.hasSearchPhase(),
            detail.synchronous(),
            extras.reverse(),
            FieldSchema.read(fields.reverse(), detail.publishedRule()),
            detail.instructions(),
            detail.searchInstructions()));
  }

  private static String refused(String why) {
    return "not a certificate as Sportello's API shows it: " + why;
  }
}
