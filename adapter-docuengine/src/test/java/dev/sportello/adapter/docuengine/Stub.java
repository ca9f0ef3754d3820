package dev.sportello.adapter.docuengine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.sportello.adapter.openapi.OpenapiClients;
import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;

/**
 * Shared test helpers: answers in DocuEngine's envelope and an adapter pointed at a stub server.
 */
final class Stub {
  static final String TOKEN = "5f8711afe4754a532a7a8358";
  static final String ID = "5f22f722065afc42223c7131";
  static final String DOCUMENT = "663df75d19a52195e23e315c";

  private Stub() {}

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
        "{\"data\":null,\"success\":false,\"message\":\"" + message + "\",\"error\":" + code + "}");
  }

  /** A request in the given state, updated at the given second. */
  static String request(String state, String more) {
    return request(state, "", more);
  }

  /** A request in the given state with more {@code timestamps} (such as {@code ,"SEARCH":1}). */
  static String request(String state, String reached, String more) {
    return "{\"id\":\""
        + ID
        + "\",\"documentId\":\""
        + DOCUMENT
        + "\",\"state\":\""
        + state
        + "\",\"timestamps\":{\"creation\":1700000000"
        + reached
        + ",\"lastUpdate\":1700000100}"
        + more
        + "}";
  }

  static RemoteOrder order() {
    return new RemoteOrder(
        new CertificateId(DOCUMENT),
        TreeMap.of(new FieldKey("field0"), "1378273", new FieldKey("field1"), "RM"),
        List.empty(),
        Option.none(),
        Option.none());
  }

  /** A read timeout generous enough for a busy build machine; {@link RetryTest} waits past it. */
  static DocuEngineSettings settings(String baseUrl) {
    return DocuEngineSettings.of(URI.create(baseUrl), TOKEN)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withRetry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofSeconds(5)));
  }

  static DocuEngineAdapter adapter(String baseUrl) {
    return adapter(settings(baseUrl), new RecordingSleeper());
  }

  static DocuEngineAdapter adapter(DocuEngineSettings settings, RecordingSleeper sleeper) {
    return DocuEngineAdapter.create(settings, Clock.systemUTC(), sleeper);
  }

  /** Records the waits instead of sleeping through them. */
  static final class RecordingSleeper implements OpenapiClients.Sleeper {
    final java.util.List<Long> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(long millis) {
      waits.add(millis);
    }
  }
}
