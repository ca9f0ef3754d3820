package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.sportello.application.port.in.AddSearchUseCase;
import dev.sportello.application.port.in.BrowseCatalogUseCase;
import dev.sportello.application.port.in.CancelRequestUseCase;
import dev.sportello.application.port.in.DescribeCertificateUseCase;
import dev.sportello.application.port.in.GetRequestUseCase;
import dev.sportello.application.port.in.GetSpendingUseCase;
import dev.sportello.application.port.in.HandleNotificationUseCase;
import dev.sportello.application.port.in.ListRequestsUseCase;
import dev.sportello.application.port.in.RefreshRequestUseCase;
import dev.sportello.application.port.in.RetrieveDocumentUseCase;
import dev.sportello.application.port.in.SelectCandidateUseCase;
import dev.sportello.application.port.in.SubmitRequestUseCase;
import dev.sportello.application.port.in.ValidateSubmissionUseCase;
import dev.sportello.application.port.in.WebhookDeliveriesUseCase;
import dev.sportello.application.port.in.WebhookEndpointUseCase;
import dev.sportello.application.service.UseCases;
import io.vavr.collection.HashMap;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A started adapter over Mockito mocks of every use case, and an HTTP client whose every response
 * is checked against the OpenAPI document.
 */
final class Harness implements AutoCloseable {
  static final String ALICE_KEY = "alice-secret-key-0001";
  static final String BOB_KEY = "bob-secret-key-0002";

  final BrowseCatalogUseCase browse = mock(BrowseCatalogUseCase.class);
  final DescribeCertificateUseCase describe = mock(DescribeCertificateUseCase.class);
  final ValidateSubmissionUseCase validate = mock(ValidateSubmissionUseCase.class);
  final SubmitRequestUseCase submit = mock(SubmitRequestUseCase.class);
  final GetRequestUseCase get = mock(GetRequestUseCase.class);
  final ListRequestsUseCase list = mock(ListRequestsUseCase.class);
  final AddSearchUseCase addSearch = mock(AddSearchUseCase.class);
  final SelectCandidateUseCase select = mock(SelectCandidateUseCase.class);
  final CancelRequestUseCase cancel = mock(CancelRequestUseCase.class);
  final RefreshRequestUseCase refresh = mock(RefreshRequestUseCase.class);
  final RetrieveDocumentUseCase retrieve = mock(RetrieveDocumentUseCase.class);
  final HandleNotificationUseCase notifications = mock(HandleNotificationUseCase.class);
  final GetSpendingUseCase spending = mock(GetSpendingUseCase.class);
  final WebhookEndpointUseCase webhookEndpoint = mock(WebhookEndpointUseCase.class);
  final WebhookDeliveriesUseCase webhookDeliveries = mock(WebhookDeliveriesUseCase.class);
  volatile BooleanSupplier store = () -> true;
  volatile BooleanSupplier upstream = () -> true;
  volatile Supplier<io.vavr.collection.Map<String, String>> details = HashMap::empty;

  final RestAdapter adapter;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Harness() {
    this(settings -> settings);
  }

  Harness(UnaryOperator<RestSettings> tweak) {
    this.adapter =
        RestAdapter.create(
                useCases(),
                new WebhookApi.Ports(webhookEndpoint, webhookDeliveries),
                tweak.apply(settings()))
            .start();
  }

  /** An adapter started over real use cases, for Alice's and Bob's keys, with every probe up. */
  static Served serve(UseCases useCases) {
    return new Served(
        RestAdapter.create(
            useCases,
            RestSettings.of(
                    HashMap.of(
                        RestSettings.hashApiKey(ALICE_KEY),
                        "alice",
                        RestSettings.hashApiKey(BOB_KEY),
                        "bob"),
                    () -> true,
                    () -> true,
                    () -> "")
                .withAddress("127.0.0.1", 0)));
  }

  RestSettings settings() {
    return new RestSettings(
        "127.0.0.1",
        0,
        RestSettings.DEFAULT_MAX_BODY_BYTES,
        HashMap.of(
            RestSettings.hashApiKey(ALICE_KEY), "alice", RestSettings.hashApiKey(BOB_KEY), "bob"),
        Duration.ofMillis(500),
        () -> store.getAsBoolean(),
        () -> upstream.getAsBoolean(),
        () -> details.get(),
        () -> "# TYPE sportello_up gauge\nsportello_up 1\n",
        RestSettings.DEFAULT_STOP_TIMEOUT,
        RestSettings.HttpObserver.NONE);
  }

  RestUseCases useCases() {
    return new RestUseCases(
        browse,
        describe,
        validate,
        submit,
        get,
        list,
        addSearch,
        select,
        cancel,
        refresh,
        retrieve,
        notifications,
        spending);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + adapter.port() + path);
  }

  /** An authenticated request as Alice. */
  HttpRequest.Builder as(String key, String path) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key);
  }

  Reply get(String path) {
    return send(as(ALICE_KEY, path).GET());
  }

  Reply post(String path, String json) {
    return send(
        as(ALICE_KEY, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Sends, checks the reply against the contract, and returns it. */
  Reply send(HttpRequest.Builder builder) {
    return exchange(client, builder.build());
  }

  /** A started adapter over real use cases, and a client that checks it against the contract. */
  static final class Served implements AutoCloseable {
    private final RestAdapter adapter;
    private final HttpClient client = HttpClient.newHttpClient();

    private Served(RestAdapter adapter) {
      this.adapter = adapter.start();
    }

    /**
     * A call with the key as bearer unless it is empty, the body as JSON unless it is empty, and
     * the headers given as name, value pairs.
     */
    Reply call(String key, String method, String path, String body, String... headers) {
      var builder =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.port() + path))
              .timeout(Duration.ofSeconds(20))
              .method(
                  method,
                  body.isEmpty()
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (!key.isEmpty()) {
        builder.header("Authorization", "Bearer " + key);
      }
      if (!body.isEmpty()) {
        builder.header("Content-Type", "application/json");
      }
      for (int i = 0; i < headers.length; i += 2) {
        builder.header(headers[i], headers[i + 1]);
      }
      return exchange(client, builder.build());
    }

    @Override
    public void close() {
      adapter.stop();
    }
  }

  /** Sends with the client, checks the reply against the contract, and returns it. */
  static Reply exchange(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
      OpenApiContract.INSTANCE.check(
          request.method(),
          request.uri().getRawPath(),
          reply.status(),
          reply.header("Content-Type"),
          reply.body());
      return reply;
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** Sends without reading the body into memory. */
  HttpResponse<java.io.InputStream> stream(HttpRequest.Builder builder) {
    try {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /**
   * Sends a request exactly as written, past the client's own checks, and returns the whole answer
   * (the server closes the connection when asked to).
   */
  String raw(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), adapter.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] answer = socket.getInputStream().readNBytes(64 * 1024);
      return new String(answer, StandardCharsets.ISO_8859_1);
    }
  }

  /** The status of a raw answer. */
  static int status(String answer) {
    assertThat(answer).startsWith("HTTP/1.1 ");
    return Integer.parseInt(answer.substring(9, 12));
  }

  /** A header of a raw answer, or empty. */
  static String header(String answer, String name) {
    for (String line : answer.split("\r\n", -1)) {
      if (line.isEmpty()) {
        break;
      }
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return "";
  }

  @Override
  public void close() {
    adapter.stop();
  }

  /** A response. */
  static final class Reply {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    Reply(int status, HttpHeaders headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body.clone();
    }

    int status() {
      return status;
    }

    HttpHeaders headers() {
      return headers;
    }

    byte[] body() {
      return body.clone();
    }

    String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return JsonMapper.builder().build().readTree(body);
    }
  }
}
