package dev.sportello.adapter.webhooks;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Posts one JSON body with the JDK's client: redirects are never followed (a receiver that moved
 * answers 3xx, which is not a delivery); at most {@link #ANSWER_LIMIT} bytes of the answer are read
 * and thrown away; and the whole exchange, answer included, ends within the timeout, so that a
 * receiver can neither make the service read a large answer nor hold it with a slow one.
 */
final class Poster {
  /** The part of an answer that is read before the connection is let go. */
  static final int ANSWER_LIMIT = 4 * 1024;

  /** What came of a post. */
  sealed interface Outcome {
    /** The receiver answered with this status. */
    record Answered(int status) implements Outcome {}

    /** No connection could be made. */
    record Unreachable() implements Outcome {}

    /** The host's name does not resolve. */
    record UnknownHost() implements Outcome {}

    /** The TLS handshake failed, such as over an untrusted certificate. */
    record Tls() implements Outcome {}

    /** The connection or the whole exchange took longer than allowed. */
    record TimedOut() implements Outcome {}

    /** The connection broke, or TLS failed. */
    record Broken() implements Outcome {}
  }

  private final HttpClient client;
  private final Duration timeout;
  private final String userAgent;

  Poster(Duration connectTimeout, Duration timeout, String userAgent) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.userAgent = userAgent;
  }

  Outcome post(URI url, byte[] body, String id, long timestamp, String signature) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("content-type", "application/json")
            .header("user-agent", userAgent)
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(request, info -> new LimitedAnswer());
    try {
      return new Outcome.Answered(
          exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode());
    } catch (TimeoutException slow) {
      exchange.cancel(true);
      return new Outcome.TimedOut();
    } catch (ExecutionException failed) {
      return switch (failed.getCause()) {
        case HttpTimeoutException slow -> new Outcome.TimedOut();
        case SSLException handshake -> new Outcome.Tls();
        case ConnectException refused ->
            refused.getCause() instanceof UnresolvedAddressException
                ? new Outcome.UnknownHost()
                : new Outcome.Unreachable();
        case null, default -> new Outcome.Broken();
      };
    } catch (CancellationException cancelled) {
      return new Outcome.Broken();
    } catch (InterruptedException interrupted) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return new Outcome.Broken();
    }
  }

  /** Reads up to {@link #ANSWER_LIMIT} bytes of the answer, then lets the rest go. */
  private static final class LimitedAnswer implements HttpResponse.BodySubscriber<Void> {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;
    private long read;

    @Override
    public CompletionStage<Void> getBody() {
      return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
      subscription = given;
      given.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        read += buffer.remaining();
      }
      Flow.Subscription current = subscription;
      if (current == null) {
        return;
      }
      if (read >= ANSWER_LIMIT) {
        current.cancel();
        done.complete(null);
      } else {
        current.request(1);
      }
    }

    @Override
    public void onError(Throwable failure) {
      done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }
}
