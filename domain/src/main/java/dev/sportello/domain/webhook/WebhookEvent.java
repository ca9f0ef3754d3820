package dev.sportello.domain.webhook;

import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a request, told to its caller's webhook endpoint. Each event carries
 * what a receiver needs without calling back, and no personal values: no field values, no names, no
 * tax codes.
 */
public sealed interface WebhookEvent {

  /**
   * What kind of event this is.
   *
   * @return the event's type
   */
  WebhookEventType type();

  /**
   * The request it happened to.
   *
   * @return the request's id
   */
  RequestId requestId();

  /**
   * Whose request it is.
   *
   * @return the request's caller
   */
  String caller();

  /**
   * When it happened.
   *
   * @return the instant of the event
   */
  Instant at();

  /**
   * The events a write of a request produces: a status change when the status differs from the
   * stored one (or on the first write), and "document ready" when the document is newly present.
   *
   * @param before the request as stored before the write, or empty for a new request
   * @param after the request as written
   * @return the events, the status change first
   */
  static List<WebhookEvent> between(Option<CertificateRequest> before, CertificateRequest after) {
    Option<RequestStatus> from = before.map(CertificateRequest::status);
    Option<WebhookEvent> statusChanged =
        from.contains(after.status())
            ? Option.none()
            : Option.some(
                new StatusChanged(
                    after.id(), after.caller(), from, after.status(), after.history().last().at()));
    Option<WebhookEvent> documentReady =
        before.flatMap(CertificateRequest::document).isDefined()
            ? Option.none()
            : after
                .document()
                .map(document ->
                    new DocumentReady(
                        after.id(), after.caller(), after.status(), document, after.updatedAt()));
    return statusChanged.toList().appendAll(documentReady);
  }

  /**
   * A request entered a status.
   *
   * @param requestId the request
   * @param caller whose request it is
   * @param from the status it left, or empty when it was just accepted
   * @param to the status it entered
   * @param at when it entered it
   */
  record StatusChanged(
      RequestId requestId, String caller, Option<RequestStatus> from, RequestStatus to, Instant at)
      implements WebhookEvent {
    /** Checks that every component is given. */
    public StatusChanged {
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public WebhookEventType type() {
      return WebhookEventType.STATUS_CHANGED;
    }
  }

  /**
   * A request's document is stored and can be downloaded.
   *
   * @param requestId the request
   * @param caller whose request it is
   * @param status the request's status when the document was stored
   * @param document the document's name, size and SHA-256
   * @param at when it was stored
   */
  record DocumentReady(
      RequestId requestId, String caller, RequestStatus status, DocumentRef document, Instant at)
      implements WebhookEvent {
    /** Checks that every component is given. */
    public DocumentReady {
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public WebhookEventType type() {
      return WebhookEventType.DOCUMENT_READY;
    }
  }
}
