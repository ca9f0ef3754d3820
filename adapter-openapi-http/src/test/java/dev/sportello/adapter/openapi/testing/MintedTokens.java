package dev.sportello.adapter.openapi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tokens minted on an OAuth v2 service ({@code POST /tokens}), as a person does in the console. */
public final class MintedTokens {
  /** The e-mail address of the account the tests mint tokens with. */
  public static final String EMAIL = "tests@sportello.example";

  /** That account's API key. */
  public static final String API_KEY = "t3sts-api-key";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private MintedTokens() {}

  /** A token of the tests' account with exactly {@code scopes}. */
  public static String mint(URI oauth, Iterable<String> scopes) {
    List<String> asked = new ArrayList<>();
    scopes.forEach(asked::add);
    String credentials =
        Base64.getEncoder()
            .encodeToString((EMAIL + ":" + API_KEY).getBytes(StandardCharsets.UTF_8));
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(oauth.resolve("/tokens"))
                  .header("Authorization", "Basic " + credentials)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(Map.of("scopes", asked, "name", "tests"))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode token = JSON.readTree(answer.body()).path("token");
      if (answer.statusCode() != 200 || !token.isString()) {
        throw new IllegalStateException("no token minted: " + answer.body());
      }
      return token.asString();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while minting a token", interrupted);
    }
  }
}
