package dev.sportello.adapter.visengine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.sportello.adapter.openapi.OpenapiClients;
import dev.sportello.adapter.openapi.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shared test helpers: recorded answers and an adapter pointed at a stub server. */
final class Stub {
  static final String TOKEN = "5f8711afe4754a532a7a8358";
  static final String ID = "5f22f722065afc42223c7131";
  static final String HASH = "eccbc87e4b5ce2fe28308fd9f2a7baf3";

  private Stub() {}

  /** A recorded answer from {@code src/test/resources/visengine/}. */
  static String fixture(String name) {
    try (InputStream in = Stub.class.getResourceAsStream("/visengine/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  static ResponseDefinitionBuilder ok(String data) {
    return json(200, "{\"data\":" + data + ",\"success\":true,\"message\":\"\",\"error\":null}");
  }

  static ResponseDefinitionBuilder failure(int status, int code, String message) {
    return json(
        status,
        "{\"success\":false,\"message\":\"" + message + "\",\"error\":" + code + ",\"data\":null}");
  }

  static VisengineSettings settings(String baseUrl) {
    return VisengineSettings.of(URI.create(baseUrl), TOKEN)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800))
        .withRetry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofSeconds(5)));
  }

  static VisengineAdapter adapter(String baseUrl) {
    return adapter(settings(baseUrl), new RecordingSleeper());
  }

  static VisengineAdapter adapter(VisengineSettings settings, RecordingSleeper sleeper) {
    return VisengineAdapter.create(settings, Clock.systemUTC(), sleeper);
  }

  /** Records the waits instead of sleeping through them. */
  static final class RecordingSleeper implements OpenapiClients.Sleeper {
    final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(long millis) {
      waits.add(millis);
    }
  }
}
