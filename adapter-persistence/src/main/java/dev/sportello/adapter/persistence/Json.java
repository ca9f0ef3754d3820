package dev.sportello.adapter.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON forms of the aggregate's parts and of the catalogue, as stored in text columns. Plain
 * records without Vavr types; the domain never sees them.
 */
final class Json {
  static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};
  static final TypeReference<List<ExtraJson>> EXTRAS = new TypeReference<>() {};
  static final TypeReference<List<StatusChangeJson>> HISTORY = new TypeReference<>() {};
  static final TypeReference<List<SearchRoundJson>> SEARCHES = new TypeReference<>() {};
  static final TypeReference<List<CatalogEntryJson>> ENTRIES = new TypeReference<>() {};
  static final TypeReference<List<AttemptJson>> ATTEMPTS = new TypeReference<>() {};

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  private Json() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static <T> T read(String text, Class<T> type) {
    return MAPPER.readValue(text, type);
  }

  static <T> T read(String text, TypeReference<T> type) {
    return MAPPER.readValue(text, type);
  }

  record ExtraJson(String key, String kind, long priceCents) {}

  record QuoteJson(long document, long search, long extras, long net, long vat, long total) {}

  record StatusChangeJson(String status, Instant at, String note) {}

  record SearchRoundJson(String searchId, String state, List<CandidateJson> candidates) {}

  record CandidateJson(int index, Map<String, String> attributes) {}

  record SelectionJson(String searchId, int index, Instant at) {}

  record OutcomeJson(String code, String message) {}

  /**
   * A listing's entry. Rows written before each certificate named its engine hold none: they were
   * Visengine's, then the only engine.
   */
  record CatalogEntryJson(String id, @Nullable String engine, String name, String category) {}

  /**
   * A form's field as declared, in this model's terms: its kind and the type name its engine
   * published. Rows written before fields were kept this way hold instead the {@code tipo} and
   * {@code order} that Visengine, then the only engine, published; {@link StoredFields} reads both.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FieldJson(
      String key,
      String label,
      @Nullable String kind,
      @Nullable String publishedType,
      boolean mayBeEmpty,
      @Nullable Integer displayOrder,
      String instructions,
      @Nullable String tipo,
      @Nullable String order) {}

  /** A credential, kept sealed whole under its name. */
  record CredentialJson(String secret, String label, List<String> scopes, Instant expiresAt) {

    /** Leaves the secret out. */
    @Override
    public String toString() {
      return "CredentialJson[label="
          + label
          + ", scopes="
          + scopes
          + ", expiresAt="
          + expiresAt
          + "]";
    }
  }

  /** A certificate; as for {@link CatalogEntryJson}, one written before engines has none. */
  record CertificateJson(
      String id,
      @Nullable String engine,
      String name,
      String category,
      long documentPrice,
      long searchPrice,
      boolean hasSearchPhase,
      boolean synchronous,
      List<ExtraJson> extras,
      List<FieldJson> published,
      String ruleText,
      String instructions,
      String searchInstructions) {}

  /**
   * One attempt at a webhook delivery.
   *
   * @param at when it was made
   * @param status the receiver's HTTP status, or 0 when no answer came
   * @param failure why no answer came, when none did
   */
  record AttemptJson(Instant at, int status, @Nullable String failure) {}

  /**
   * A webhook endpoint's signing secrets, sealed as one text.
   *
   * @param secret the current secret
   * @param previous the secret being rotated out, if any
   * @param previousUntil when it stops signing
   */
  record EndpointSecretsJson(
      String secret, @Nullable String previous, @Nullable Instant previousUntil) {

    /** Leaves the secrets out. */
    @Override
    public String toString() {
      return "EndpointSecretsJson[previousUntil=" + previousUntil + "]";
    }
  }
}
