package dev.sportello.spring.boot;

import dev.sportello.application.port.in.HandleNotificationUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives the engines' notifications under {@code sportello.notifications.path}. A notification is
 * a hint: its body is never read. The token, in the address (Visengine) or in a header
 * (DocuEngine), names a request, which {@link HandleNotificationUseCase} re-reads from its engine.
 * A token that names nothing gets 404 and changes nothing; otherwise the answer is 202, also when
 * the engine could not be reached now (the sync cycle follows the request up).
 */
@RestController
final class NotificationEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationEndpoint.class);

  /** DocuEngine sends back the headers registered with a callback: this one holds the token. */
  static final String TOKEN_HEADER = "X-Sportello-Token";

  /** What a token can look like: an id, a dot, a URL-safe MAC. Anything else names nothing. */
  private static final Pattern TOKEN_SHAPE =
      Pattern.compile("[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9_-]{1,128}");

  private final HandleNotificationUseCase notifications;

  NotificationEndpoint(HandleNotificationUseCase notifications) {
    this.notifications = notifications;
  }

  @PostMapping("${sportello.notifications.path:/webhooks/sportello}/visengine/{token}")
  ResponseEntity<Void> visengine(@PathVariable("token") String token) {
    return followUp(token);
  }

  @PostMapping("${sportello.notifications.path:/webhooks/sportello}/docuengine")
  ResponseEntity<Void> docuengine(
      @RequestHeader(name = TOKEN_HEADER, defaultValue = "") String token) {
    return followUp(token);
  }

  private ResponseEntity<Void> followUp(String token) {
    if (!TOKEN_SHAPE.matcher(token).matches()) {
      return ResponseEntity.notFound().build();
    }
    Either<UseCaseError, CertificateRequest> handled = notifications.handle(token);
    if (handled.isLeft() && handled.getLeft() instanceof UseCaseError.NotFound) {
      return ResponseEntity.notFound().build();
    }
    if (handled.isLeft()) {
      LOG.info("an upstream notification could not be followed up now; the sync cycle will");
    }
    return ResponseEntity.accepted().build();
  }
}
