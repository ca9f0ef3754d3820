package dev.sportello.adapter.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth service's JSON (OAuth v2), read leniently: members it may leave out are nullable,
 * unknown members are ignored by the mapper.
 */
final class Wire {
  private Wire() {}

  /** The envelope around every answer; the wallet's has only {@code data}. */
  record Envelope<T>(
      @JsonProperty("data") @Nullable T data,
      @JsonProperty("success") @Nullable Boolean success,
      @JsonProperty("message") @Nullable String message,
      @JsonProperty("error") @Nullable String error)
      implements dev.sportello.adapter.openapi.Envelope<T> {}

  /**
   * The answer to a mint: the OAuth service's specification gives a bare {@code TokenDetail}, and
   * it has been seen in the envelope too, so either is read. Only an explicit verdict or error code
   * says that the mint failed: a 2xx answer without a token is one whose outcome is unknown.
   */
  record MintAnswer(
      @JsonProperty("data") @Nullable Token wrapped,
      @JsonProperty("success") @Nullable Boolean success,
      @JsonProperty("message") @Nullable String message,
      @JsonProperty("error") @Nullable String error,
      @JsonProperty("token") @Nullable String token,
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("createdAt") @Nullable String createdAt,
      @JsonProperty("expireAt") @Nullable String expireAt,
      @JsonProperty("scopes") @Nullable List<String> scopes)
      implements dev.sportello.adapter.openapi.Envelope<Token> {

    @Override
    public @Nullable Token data() {
      return wrapped != null || token == null
          ? wrapped
          : new Token(token, name, createdAt, expireAt, scopes);
    }

    @Override
    public boolean failed() {
      return Boolean.FALSE.equals(success) || (error != null && !error.isBlank());
    }

    /** Leaves the token out. */
    @Override
    public String toString() {
      return "MintAnswer[data=" + data() + ", success=" + success + ", error=" + error + "]";
    }
  }

  /** {@code TokenDetail}; the dates are ISO-8601. */
  record Token(
      @JsonProperty("token") @Nullable String token,
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("createdAt") @Nullable String createdAt,
      @JsonProperty("expireAt") @Nullable String expireAt,
      @JsonProperty("scopes") @Nullable List<String> scopes) {

    /** Leaves the token out. */
    @Override
    public String toString() {
      return "Token[name=" + name + ", expireAt=" + expireAt + ", scopes=" + scopes + "]";
    }
  }

  /** {@code TokenCreate}. */
  record NewToken(
      @JsonProperty("scopes") List<String> scopes,
      @JsonProperty("name") String name,
      @JsonProperty("ttl") long ttl) {}

  /** {@code Wallet}. */
  record Wallet(@JsonProperty("credit") @Nullable BigDecimal credit) {}
}
