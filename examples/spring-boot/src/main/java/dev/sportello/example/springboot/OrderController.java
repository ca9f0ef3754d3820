package dev.sportello.example.springboot;

import dev.sportello.application.port.in.GetRequestUseCase;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.in.SubmitRequestUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.domain.request.CertificateRequest;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's orders: each one a certificate request made through Sportello's use cases, which the
 * starter provides as beans. Every order is the shop's own (one caller); a real shop would name its
 * customer instead.
 */
@RestController
class OrderController {
  /** Whose requests these are, as Sportello scopes requests and idempotency keys. */
  static final String SHOP = "shop";

  private final SubmitRequestUseCase submit;
  private final GetRequestUseCase get;

  OrderController(SubmitRequestUseCase submit, GetRequestUseCase get) {
    this.submit = submit;
    this.get = get;
  }

  /**
   * What a customer ordered.
   *
   * @param certificateId the certificate, as the catalogue names it
   * @param values the form's values by field key ({@code $0} …)
   */
  record OrderForm(String certificateId, Map<String, String> values) {}

  /**
   * An order as the shop shows it.
   *
   * @param id Sportello's id of the request
   * @param status where the request is in its lifecycle
   * @param document the issued document's file name, once it is stored
   */
  record OrderView(String id, String status, String document) {
    static OrderView of(CertificateRequest request) {
      return new OrderView(
          request.id().value(),
          request.status().name(),
          request.document().map(stored -> stored.name()).getOrElse(""));
    }
  }

  /**
   * Orders a certificate. The client's {@code Idempotency-Key} makes a retry of the same order
   * return the same request instead of paying twice.
   */
  @PostMapping("/orders")
  ResponseEntity<?> order(
      @RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody OrderForm form) {
    SubmissionInput input =
        new SubmissionInput(
            form.certificateId(),
            HashMap.ofAll(form.values()),
            List.empty(),
            Option.none(),
            Option.none());
    return answer(
        submit.submit(new SubmitRequestCommand(SHOP, idempotencyKey, input)), HttpStatus.CREATED);
  }

  /** An order as it is now. */
  @GetMapping("/orders/{id}")
  ResponseEntity<?> order(@PathVariable("id") String id) {
    return answer(get.get(new RequestQuery(SHOP, id)), HttpStatus.OK);
  }

  private static ResponseEntity<?> answer(
      io.vavr.control.Either<UseCaseError, CertificateRequest> result, HttpStatus success) {
    return result.fold(
        error -> ResponseEntity.status(statusOf(error)).body(Map.of("error", error.message())),
        request -> ResponseEntity.status(success).body(OrderView.of(request)));
  }

  private static HttpStatus statusOf(UseCaseError error) {
    return switch (error) {
      case UseCaseError.InvalidInput invalid -> HttpStatus.UNPROCESSABLE_CONTENT;
      case UseCaseError.NotFound notFound -> HttpStatus.NOT_FOUND;
      case UseCaseError.KeyReusedWithAnotherBody reused -> HttpStatus.UNPROCESSABLE_CONTENT;
      case UseCaseError.StillBeingCreated creating -> HttpStatus.CONFLICT;
      case UseCaseError.ConcurrentChange concurrent -> HttpStatus.CONFLICT;
      case UseCaseError.LifecycleRefused refused -> HttpStatus.CONFLICT;
      case UseCaseError.UpstreamConflict conflict -> HttpStatus.CONFLICT;
      case UseCaseError.NotReady notReady -> HttpStatus.CONFLICT;
      case UseCaseError.SpendingCapReached capped -> HttpStatus.TOO_MANY_REQUESTS;
      case UseCaseError.PaymentRequired payment -> HttpStatus.PAYMENT_REQUIRED;
      case UseCaseError.UpstreamRejected rejected -> HttpStatus.BAD_GATEWAY;
      case UseCaseError.UpstreamUnavailable unavailable -> HttpStatus.SERVICE_UNAVAILABLE;
      case UseCaseError.StorageUnavailable unavailable -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }
}
