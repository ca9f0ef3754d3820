package dev.sportello.adapter.visengine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Visengine's wire format, as records. Every field upstream may leave out is nullable; unknown
 * fields are ignored by the mapper; drifting types go through {@link Lenient}.
 */
final class Wire {
  private Wire() {}

  /** The envelope around every answer. */
  record Envelope<T>(
      @JsonProperty("data") @Nullable T data,
      @JsonProperty("success") @JsonDeserialize(using = Lenient.Flag.class)
          @Nullable Boolean success,
      @JsonProperty("message") @JsonDeserialize(using = Lenient.Text.class)
          @Nullable String message,
      @JsonProperty("error") @JsonDeserialize(using = Lenient.Text.class) @Nullable String error)
      implements dev.sportello.adapter.openapi.Envelope<T> {}

  /** One line of {@code GET /visure}. */
  record CatalogueLine(
      @JsonProperty("hash_visura") @Nullable String hash,
      @JsonProperty("nome_visura") @Nullable String name,
      @JsonProperty("nome_categoria") @Nullable String category) {}

  /** {@code GET /visure/{hash}}. */
  record Visura(
      @JsonProperty("hash_visura") @Nullable String hash,
      @JsonProperty("nome_visura") @Nullable String name,
      @JsonProperty("nome_categoria") @Nullable String category,
      @JsonProperty("json_struttura") @Nullable Structure structure,
      @JsonProperty("ricerca") @JsonDeserialize(using = Lenient.Flag.class)
          @Nullable Boolean search,
      @JsonProperty("prezzo_visura") @JsonDeserialize(using = Lenient.Decimal.class)
          @Nullable BigDecimal price,
      @JsonProperty("prezzo_ricerca") @JsonDeserialize(using = Lenient.Decimal.class)
          @Nullable BigDecimal searchPrice,
      @JsonProperty("sincrona") @JsonDeserialize(using = Lenient.Flag.class)
          @Nullable Boolean synchronous,
      @JsonProperty("opzioni") @Nullable JsonNode options) {}

  /** {@code json_struttura}. */
  record Structure(
      @JsonProperty("campi") @JsonDeserialize(using = Lenient.Fields.class)
          @Nullable List<KeyedField> fields,
      @JsonProperty("validazione") @JsonDeserialize(using = Lenient.Text.class)
          @Nullable String rule,
      @JsonProperty("istruzioni") @JsonDeserialize(using = Lenient.Text.class)
          @Nullable String instructions,
      @JsonProperty("istruzioni_ricerca") @JsonDeserialize(using = Lenient.Text.class)
          @Nullable String searchInstructions) {}

  /** A field of {@code campi} with the key it was published under. */
  record KeyedField(String key, Field field) {}

  /** One field of {@code campi}. */
  record Field(
      @JsonProperty("nome") @JsonDeserialize(using = Lenient.Text.class) @Nullable String label,
      @JsonProperty("tipo") @JsonDeserialize(using = Lenient.Text.class) @Nullable String tipo,
      @JsonProperty("null") @JsonDeserialize(using = Lenient.Flag.class)
          @Nullable Boolean mayBeEmpty,
      @JsonProperty("ordine") @JsonDeserialize(using = Lenient.Text.class) @Nullable String order,
      @JsonProperty("istruzioni") @JsonDeserialize(using = Lenient.Text.class)
          @Nullable String instructions) {}

  /** One element of a product's {@code opzioni}. */
  record Option(
      @JsonProperty("nome") @JsonDeserialize(using = Lenient.Text.class) @Nullable String key,
      @JsonProperty("tipo") @JsonDeserialize(using = Lenient.Text.class) @Nullable String kind,
      @JsonProperty("prezzo") @JsonDeserialize(using = Lenient.Decimal.class)
          @Nullable BigDecimal price) {}

  /** A request, in full ({@code Richiesta}) or as a list line ({@code Richieste}). */
  record Request(
      @JsonProperty("_id") @JsonDeserialize(using = Lenient.Text.class) @Nullable String id,
      @JsonProperty("state") @JsonDeserialize(using = Lenient.WholeNumber.class)
          @Nullable Long state,
      @JsonProperty("stato_richiesta") @Nullable String status,
      @JsonProperty("ricerca") @JsonDeserialize(using = Lenient.Flag.class)
          @Nullable Boolean search,
      @JsonProperty("id_ricerca") @JsonDeserialize(using = Lenient.Text.class)
          @Nullable String chosenSearch,
      @JsonProperty("indice_ricerca") @JsonDeserialize(using = Lenient.WholeNumber.class)
          @Nullable Long chosenIndex,
      @JsonProperty("prezzo_visura") @JsonDeserialize(using = Lenient.Decimal.class)
          @Nullable BigDecimal price,
      @JsonProperty("prezzo_ricerca") @JsonDeserialize(using = Lenient.Decimal.class)
          @Nullable BigDecimal searchPrice,
      @JsonProperty("allegati") @Nullable List<String> attachments,
      @JsonProperty("timestamp_creation") @JsonDeserialize(using = Lenient.WholeNumber.class)
          @Nullable Long created,
      @JsonProperty("timestamp_last_update") @JsonDeserialize(using = Lenient.WholeNumber.class)
          @Nullable Long lastUpdate,
      @JsonProperty("ricerche") @Nullable List<Search> searches,
      @JsonProperty("esito") @Nullable Verdict verdict,
      @JsonProperty("motivo_annullamento") @JsonDeserialize(using = Lenient.Text.class)
          @Nullable String cancellationReason,
      @JsonProperty("callback_data") @JsonDeserialize(using = Lenient.CallbackEcho.class)
          @Nullable CallbackData callback) {}

  /** One element of {@code ricerche}. */
  record Search(
      @JsonProperty("id_ricerca") @JsonDeserialize(using = Lenient.Text.class) @Nullable String id,
      @JsonProperty("stato_ricerca") @Nullable String state,
      @JsonProperty("json_ricerca") @Nullable JsonNode input,
      @JsonProperty("json_risultato") @Nullable JsonNode results) {}

  /** {@code esito}. */
  record Verdict(
      @JsonProperty("codice") @JsonDeserialize(using = Lenient.Text.class) @Nullable String code,
      @JsonProperty("info") @JsonDeserialize(using = Lenient.Text.class) @Nullable String info) {}

  /** {@code callback_data}, sent and echoed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CallbackData(
      @JsonProperty("url") @Nullable String url,
      @JsonProperty("method") @Nullable String method,
      @JsonProperty("field") @Nullable String field,
      @JsonProperty("data") @Nullable Map<String, Object> data) {}

  /** The body of {@code POST /richiesta}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record NewRequest(
      @JsonProperty("hash_visura") String hash,
      @JsonProperty("json_visura") Map<String, String> values,
      @JsonProperty("state") int state,
      @JsonProperty("test") @Nullable Boolean test,
      @JsonProperty("opzioni") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          Map<String, Boolean> options,
      @JsonProperty("email_target") @Nullable String notifyEmail,
      @JsonProperty("callback_data") @Nullable CallbackData callback) {}

  /** The body of {@code PUT /richiesta/{id}} that closes a draft. */
  record Close(@JsonProperty("state") int state) {}

  /** The body of {@code POST /richiesta/{id}}: another search. */
  record NewSearch(@JsonProperty("json_visura") Map<String, String> values) {}

  /** The body of {@code PUT /richiesta/{id}/ricerche}: the chosen candidate. */
  record Choice(@JsonProperty("id_ricerca") String searchId, @JsonProperty("indice") int index) {}

  /** The body of {@code DELETE /richiesta/{id}}. */
  record Cancellation(@JsonProperty("motivo") String reason) {}
}
