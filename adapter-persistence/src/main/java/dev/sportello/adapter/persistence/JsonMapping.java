package dev.sportello.adapter.persistence;

import dev.sportello.adapter.persistence.Json.CandidateJson;
import dev.sportello.adapter.persistence.Json.CatalogEntryJson;
import dev.sportello.adapter.persistence.Json.CertificateJson;
import dev.sportello.adapter.persistence.Json.ExtraJson;
import dev.sportello.adapter.persistence.Json.OutcomeJson;
import dev.sportello.adapter.persistence.Json.QuoteJson;
import dev.sportello.adapter.persistence.Json.SearchRoundJson;
import dev.sportello.adapter.persistence.Json.SelectionJson;
import dev.sportello.adapter.persistence.Json.StatusChangeJson;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.Selection;
import dev.sportello.domain.request.StatusChange;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.submission.Quote;
import io.vavr.collection.SortedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/**
 * Domain to JSON form: total mappings, generated. The way back goes through the domain's
 * constructors and factories in {@link RequestRows} and {@link JdbcCatalogSnapshotStore}.
 */
@Mapper
interface JsonMapping {

  @Mapping(target = "priceCents", source = "price")
  ExtraJson extra(Extra extra);

  List<ExtraJson> extras(Iterable<Extra> extras);

  QuoteJson quote(Quote quote);

  StatusChangeJson statusChange(StatusChange change);

  List<StatusChangeJson> history(Iterable<StatusChange> history);

  SearchRoundJson searchRound(SearchRound round);

  List<SearchRoundJson> searches(Iterable<SearchRound> rounds);

  CandidateJson candidate(SearchCandidate candidate);

  List<CandidateJson> candidates(Iterable<SearchCandidate> candidates);

  SelectionJson selection(Selection selection);

  OutcomeJson outcome(Outcome outcome);

  CatalogEntryJson catalogEntry(CatalogEntry entry);

  List<CatalogEntryJson> catalogEntries(Iterable<CatalogEntry> entries);

  @Mapping(target = "published", source = "schema", qualifiedByName = "published")
  @Mapping(target = "ruleText", source = "schema", qualifiedByName = "ruleText")
  CertificateJson certificate(Certificate certificate);

  @Named("published")
  default List<Json.FieldJson> published(FieldSchema schema) {
    return declared(schema.declared());
  }

  @Named("ruleText")
  default String ruleText(FieldSchema schema) {
    return schema.ruleText();
  }

  default long cents(Money money) {
    return money.cents();
  }

  default String certificateId(CertificateId id) {
    return id.value();
  }

  default String engineName(Engine engine) {
    return engine.name();
  }

  default Map<String, String> attributes(SortedMap<String, String> attributes) {
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach(copy::put);
    return copy;
  }

  default List<Json.FieldJson> declared(Iterable<FieldDeclaration> fields) {
    List<Json.FieldJson> stored = new java.util.ArrayList<>();
    fields.forEach(field -> stored.add(StoredFields.json(field)));
    return stored;
  }
}
