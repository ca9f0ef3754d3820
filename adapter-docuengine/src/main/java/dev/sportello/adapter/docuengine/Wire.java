package dev.sportello.adapter.docuengine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * DocuEngine's wire format, as records. Every member upstream may leave out is nullable; unknown
 * members are ignored by the mapper, and scalars written as text (a price as {@code "4.90"}, a code
 * as a number) are read by Jackson's scalar coercion.
 */
final class Wire {
  private Wire() {}

  /** The envelope around every answer. */
  record Envelope<T>(
      @JsonProperty("data") @Nullable T data,
      @JsonProperty("success") @Nullable Boolean success,
      @JsonProperty("message") @Nullable String message,
      @JsonProperty("error") @Nullable String error)
      implements dev.sportello.adapter.openapi.Envelope<T> {}

  /** One element of {@code GET /documents}. */
  record Document(
      @JsonProperty("id") @Nullable String id,
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("category") @Nullable String category,
      @JsonProperty("requestStructure") @Nullable Structure structure,
      @JsonProperty("options") @Nullable List<Option> options,
      @JsonProperty("hasSearch") @Nullable Boolean hasSearch,
      @JsonProperty("isSync") @Nullable Boolean isSync,
      @JsonProperty("documentPrice") @Nullable BigDecimal documentPrice,
      @JsonProperty("searchPrice") @Nullable BigDecimal searchPrice) {}

  /** {@code requestStructure}: the form. */
  record Structure(
      @JsonProperty("fields") @Nullable Map<String, Field> fields,
      @JsonProperty("validation") @Nullable String validation,
      @JsonProperty("help") @Nullable String help,
      @JsonProperty("searchHelp") @Nullable String searchHelp) {}

  /** One field of {@code requestStructure.fields}, under its key ({@code field0}, …). */
  record Field(
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("nameIT") @Nullable String nameIt,
      @JsonProperty("type") @Nullable String type,
      @JsonProperty("required") @Nullable Boolean required,
      @JsonProperty("options") @Nullable List<Choice> options,
      @JsonProperty("help") @Nullable String help) {}

  /** One value a field offers to choose from. */
  record Choice(
      @JsonProperty("code") @Nullable String code,
      @JsonProperty("description") @Nullable String description) {}

  /** One priced option of a document, chosen by its name in {@code selectedOptions}. */
  record Option(
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("price") @Nullable BigDecimal price) {}

  /** A request, in full ({@code Request}) or as a list line ({@code Requests}). */
  record Request(
      @JsonProperty("id") @Nullable String id,
      @JsonProperty("state") @Nullable String state,
      @JsonProperty("hasSearch") @Nullable Boolean hasSearch,
      @JsonProperty("results") @Nullable List<Result> results,
      @JsonProperty("resultId") @Nullable String resultId,
      @JsonProperty("documents") @Nullable List<String> documents,
      @JsonProperty("cancellationReason") @Nullable String cancellationReason,
      @JsonProperty("timestamps") @Nullable Timestamps timestamps) {}

  /** {@code timestamps}, in unix seconds: when the request was made, reached a state, changed. */
  record Timestamps(
      @JsonProperty("creation") @Nullable Long creation,
      @JsonProperty("SEARCH") @Nullable Long search,
      @JsonProperty("WAIT") @Nullable Long waiting,
      @JsonProperty("DONE") @Nullable Long done,
      @JsonProperty("lastUpdate") @Nullable Long lastUpdate) {}

  /** One search result. */
  record Result(
      @JsonProperty("id") @Nullable String id, @JsonProperty("data") @Nullable JsonNode data) {}

  /** One file of {@code GET /requests/{id}/documents}. */
  record Download(
      @JsonProperty("fileName") @Nullable String fileName,
      @JsonProperty("fileSize") @Nullable String fileSize,
      @JsonProperty("md5") @Nullable String md5,
      @JsonProperty("urlExpire") @Nullable Long urlExpire,
      @JsonProperty("downloadUrl") @Nullable String downloadUrl) {}

  /** The body of {@code POST /requests}: always a draft ({@code state: "NEW"}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record NewRequest(
      @JsonProperty("documentId") String documentId,
      @JsonProperty("state") String state,
      @JsonProperty("search") Map<String, String> search,
      @JsonProperty("selectedOptions") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<String> selectedOptions,
      @JsonProperty("notifyEmail") @Nullable String notifyEmail,
      @JsonProperty("callback") @Nullable Callback callback) {}

  /** {@code callback}: where and how upstream notifies us. */
  record Callback(
      @JsonProperty("url") String url,
      @JsonProperty("method") String method,
      @JsonProperty("headers") Map<String, String> headers,
      @JsonProperty("data") Map<String, String> data) {

    /** Never shows the headers: one carries the request's token. */
    @Override
    public String toString() {
      return "Callback[url=" + url + ", method=" + method + "]";
    }
  }

  /** The body of {@code PATCH /requests/{id}} that closes a draft. */
  record Close(@JsonProperty("state") String state) {}

  /** The body of {@code PATCH /requests/{id}} that chooses a search result. */
  record Choose(@JsonProperty("resultId") String resultId) {}
}
