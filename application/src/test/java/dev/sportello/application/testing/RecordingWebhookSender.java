package dev.sportello.application.testing;

import dev.sportello.application.port.out.WebhookSender;
import dev.sportello.application.port.out.WebhookTarget;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.WebhookMessage;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.Objects;

/**
 * Records every message it is asked to send and answers as told: with the queued answers first,
 * then with the standing one ({@code 200} unless changed).
 */
public final class RecordingWebhookSender implements WebhookSender {

  /**
   * One send.
   *
   * @param target where it went, with the secrets that signed it
   * @param message what it said
   * @param sentAt when
   */
  public record Sent(WebhookTarget target, WebhookMessage message, Instant sentAt) {
    public Sent {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(sentAt, "sentAt");
    }
  }

  private List<Sent> sent = List.empty();
  private List<SendResult> queued = List.empty();
  private SendResult standing = new SendResult.Delivered(200);

  @Override
  public synchronized SendResult send(
      WebhookTarget target, WebhookMessage message, Instant sentAt) {
    sent = sent.prepend(new Sent(target, message, sentAt));
    if (queued.isEmpty()) {
      return standing;
    }
    SendResult answer = queued.head();
    queued = queued.tail();
    return answer;
  }

  /** Answers the next sends with these, in order, before the standing answer. */
  public synchronized RecordingWebhookSender thenAnswer(SendResult... answers) {
    queued = queued.appendAll(List.of(answers));
    return this;
  }

  /** Answers every later send (after the queued answers) with this. */
  public synchronized RecordingWebhookSender alwaysAnswer(SendResult answer) {
    standing = answer;
    return this;
  }

  /** Every send so far, oldest first. */
  public synchronized List<Sent> sent() {
    return sent.reverse();
  }
}
