package dev.sportello.adapter.webhooks;

import dev.sportello.application.port.out.WebhookSender;
import dev.sportello.application.port.out.WebhookTarget;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.SendResult.FailureKind;
import dev.sportello.domain.webhook.WebhookMessage;
import dev.sportello.domain.webhook.WebhookSecret;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Instant;

/**
 * Sends a message once: checks where it goes, writes the JSON, signs it with every secret of the
 * target and posts it. Logs nothing: the body, the secrets and the address stay out of the logs.
 */
final class HttpWebhookSender implements WebhookSender {
  private final Poster poster;
  private final boolean allowPrivateNetworks;

  HttpWebhookSender(WebhooksSettings settings) {
    this.poster = new Poster(settings.connectTimeout(), settings.timeout(), settings.userAgent());
    this.allowPrivateNetworks = settings.allowPrivateNetworks();
  }

  @Override
  public SendResult send(WebhookTarget target, WebhookMessage message, Instant sentAt) {
    Either<FailureKind, URI> checked = Destination.check(target.url(), allowPrivateNetworks);
    if (checked.isLeft()) {
      // An address the service may not post to is never reached: no request leaves.
      return new SendResult.Failed(checked.getLeft());
    }
    byte[] body = Payload.of(message);
    long timestamp = sentAt.getEpochSecond();
    String signature =
        Signature.header(target.secrets().map(WebhookSecret::value), message.id(), timestamp, body);
    return switch (poster.post(checked.get(), body, message.id(), timestamp, signature)) {
      case Poster.Outcome.Answered(int status) when status >= 200 && status <= 299 ->
          new SendResult.Delivered(status);
      case Poster.Outcome.Answered(int status) when status >= 100 && status <= 599 ->
          new SendResult.Rejected(status);
      case Poster.Outcome.Answered nonsense -> new SendResult.Failed(FailureKind.IO);
      case Poster.Outcome.TimedOut slow -> new SendResult.Failed(FailureKind.TIMEOUT);
      case Poster.Outcome.Unreachable refused ->
          new SendResult.Failed(FailureKind.CONNECTION_REFUSED);
      case Poster.Outcome.UnknownHost unknown -> new SendResult.Failed(FailureKind.UNKNOWN_HOST);
      case Poster.Outcome.Tls tls -> new SendResult.Failed(FailureKind.TLS);
      case Poster.Outcome.Broken broken -> new SendResult.Failed(FailureKind.IO);
    };
  }
}
