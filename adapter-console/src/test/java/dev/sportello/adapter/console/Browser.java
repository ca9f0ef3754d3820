package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.CallerKeys;
import dev.sportello.application.service.UseCases;
import dev.sportello.domain.field.ValuePolicy;
import io.javalin.Javalin;
import io.vavr.collection.HashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console mounted alone on a server on a free port, and a browser-like client that keeps its
 * cookies, follows no redirect by itself, and posts forms with the token of the last page it read.
 */
final class Browser implements AutoCloseable {
  static final String ALICE_KEY = "alice-console-key-0001";
  static final String ALICE = "alice";

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

  private final Javalin server;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String csrf = "";

  Browser(UseCases useCases) {
    this(useCases, settings -> settings, InstantSource.system());
  }

  Browser(
      UseCases useCases,
      java.util.function.UnaryOperator<ConsoleSettings> tweak,
      InstantSource clock) {
    ConsoleAdapter console =
        ConsoleAdapter.create(
            useCases,
            tweak.apply(
                new ConsoleSettings(
                    HashMap.of(CallerKeys.hash(ALICE_KEY), ALICE),
                    ConsoleSettings.DEFAULT_SESSION_IDLE_TIMEOUT,
                    ConsoleSettings.DEFAULT_MAX_SESSIONS,
                    Duration.ZERO,
                    ValuePolicy.defaults())),
            clock);
    this.server =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.startup.showOldJavalinVersionWarning = false;
                  config.jetty.host = "127.0.0.1";
                  config.jetty.port = 0;
                  console.mount(config);
                })
            .start();
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path) {
    return remember(send(HttpRequest.newBuilder(uri(path)).GET()));
  }

  /** Posts a form with the token of the last page read, as a browser submitting it would. */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("csrf", csrf);
    return postExactly(path, all);
  }

  /** Posts exactly these fields, from this site. */
  HttpResponse<String> postExactly(String path, Map<String, String> fields) {
    return post(path, fields, "Origin", "http://127.0.0.1:" + server.port());
  }

  HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return remember(send(request));
  }

  /** Posts a form as htmx does as one types: with its header and the page's token in a header. */
  HttpResponse<String> postByHtmx(String path, Map<String, String> fields) {
    return post(
        path,
        fields,
        "Origin",
        "http://127.0.0.1:" + server.port(),
        "HX-Request",
        "true",
        Guard.CSRF_HEADER,
        csrf);
  }

  /**
   * Posts a multipart form with one file, as a browser sends the order form.
   *
   * @param field the file field's name; then its file's name, type and content
   */
  HttpResponse<String> postWithFile(
      String path,
      Map<String, String> fields,
      String field,
      String name,
      String type,
      byte[] content) {
    String boundary = "----sportello-test-boundary";
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("csrf", csrf);
    var body = new java.io.ByteArrayOutputStream();
    all.forEach((key, value) ->
        body.writeBytes(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + key
                    + "\"\r\n\r\n"
                    + value
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + field
                + "\"; filename=\""
                + name
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return remember(
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", "http://127.0.0.1:" + server.port())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
  }

  /**
   * Sends a post's head alone, as written, and none of the body it announces: the answer's status
   * line and headers, which come only if the server answers without reading the body.
   */
  String postHeadAlone(String path, String... headerLines) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5_000);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + server.port()
              + "\r\n"
              + String.join("\r\n", headerLines)
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      var answer =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      StringBuilder lines = new StringBuilder();
      for (String line = answer.readLine();
          line != null && !line.isEmpty();
          line = answer.readLine()) {
        lines.append(line).append('\n');
      }
      return lines.toString();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** Signs Alice in from the sign-in page, and lands where the console sends her. */
  HttpResponse<String> signIn() {
    get(SignIn.PATH);
    HttpResponse<String> signedIn = post(SignIn.PATH, Map.of("apiKey", ALICE_KEY));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    return get(signedIn.headers().firstValue("Location").orElseThrow());
  }

  /** The value of a hidden field of a page, such as the form's idempotency key. */
  static String field(String page, String name) {
    Matcher value =
        Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(page);
    assertThat(value.find()).as("a field %s", name).isTrue();
    return value.group(1);
  }

  String csrf() {
    return csrf;
  }

  java.util.List<java.net.HttpCookie> cookies() {
    return cookies.getCookieStore().getCookies();
  }

  private HttpResponse<String> remember(HttpResponse<String> response) {
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return response;
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field ->
            URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Override
  public void close() {
    server.stop();
  }
}
