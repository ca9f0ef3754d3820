package dev.sportello.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sportello.adapter.rest.Views.Page;
import dev.sportello.application.port.in.DeliveryQuery;
import dev.sportello.application.port.in.EndpointWithSecret;
import dev.sportello.application.port.in.ListDeliveriesQuery;
import dev.sportello.application.port.in.RegisterEndpointCommand;
import dev.sportello.application.port.in.WebhookDeliveriesUseCase;
import dev.sportello.application.port.in.WebhookEndpointUseCase;
import dev.sportello.domain.webhook.DeliveryAttempt;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.WebhookDelivery;
import dev.sportello.domain.webhook.WebhookEndpoint;
import io.javalin.http.Context;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The caller's outbound webhooks: its one endpoint and the log of what was sent to it. Without the
 * webhook use cases (a service that sends no webhooks), every route answers 501 {@code
 * webhooks_unavailable}.
 */
final class WebhookApi {
  static final String ENDPOINT = Api.BASE + "/webhook-endpoint";
  static final String DELIVERIES = Api.BASE + "/webhook-deliveries";
  private static final int MAX_PAGE = 100;

  /** The use cases behind these routes. */
  record Ports(WebhookEndpointUseCase endpoint, WebhookDeliveriesUseCase deliveries) {}

  private final Option<Ports> ports;
  private final Bodies bodies;

  WebhookApi(Option<Ports> ports, Bodies bodies) {
    this.ports = ports;
    this.bodies = bodies;
  }

  List<Route> routes() {
    return List.of(
        new Route("PUT", ENDPOINT, true, this::register),
        new Route("GET", ENDPOINT, true, this::endpoint),
        new Route("DELETE", ENDPOINT, true, this::remove),
        new Route("POST", ENDPOINT + "/secret", true, this::rotate),
        new Route("GET", DELIVERIES, true, this::deliveries),
        new Route("GET", DELIVERIES + "/{id}", true, this::delivery),
        new Route("POST", DELIVERIES + "/{id}/replay", true, this::replay));
  }

  /** An endpoint as its caller sees it; the secret only when it was just generated. */
  record EndpointView(
      String url,
      String createdAt,
      String secretCreatedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {
    static EndpointView of(WebhookEndpoint endpoint) {
      return new EndpointView(
          endpoint.url(),
          endpoint.createdAt().toString(),
          endpoint.secretCreatedAt().toString(),
          null);
    }

    static EndpointView of(EndpointWithSecret generated) {
      WebhookEndpoint endpoint = generated.endpoint();
      return new EndpointView(
          endpoint.url(),
          endpoint.createdAt().toString(),
          endpoint.secretCreatedAt().toString(),
          generated.secret().value());
    }
  }

  /**
   * One attempt: the receiver's status, or why no answer came ({@code timeout}, {@code
   * connection_refused}, {@code unknown_host}, {@code tls}, {@code io}).
   */
  record AttemptView(
      String at, boolean delivered, @Nullable Integer status, @Nullable String failure) {
    static AttemptView of(DeliveryAttempt attempt) {
      String at = attempt.at().toString();
      return switch (attempt.result()) {
        case SendResult.Delivered(int status) -> new AttemptView(at, true, status, null);
        case SendResult.Rejected(int status) -> new AttemptView(at, false, status, null);
        case SendResult.Failed(SendResult.FailureKind kind) ->
            new AttemptView(at, false, null, kind.name().toLowerCase(Locale.ROOT));
      };
    }
  }

  /** A delivery of the log. */
  record DeliveryView(
      String id,
      String type,
      String requestId,
      String createdAt,
      String state,
      java.util.List<AttemptView> attempts,
      @Nullable String nextAttemptAt) {
    static DeliveryView of(WebhookDelivery delivery) {
      return new DeliveryView(
          delivery.id(),
          delivery.message().type().wireName(),
          delivery.message().requestId().value(),
          delivery.createdAt().toString(),
          delivery.state().name(),
          delivery.attempts().map(AttemptView::of).toJavaList(),
          delivery.nextAttemptAt().map(Object::toString).getOrNull());
    }
  }

  private Ports ports() {
    return ports.getOrElseThrow(() ->
        Problem.of(
                501,
                "webhooks_unavailable",
                "Webhooks are not available",
                "this service does not send webhooks")
            .raise());
  }

  private void register(Context ctx, String caller) {
    Ports webhooks = ports();
    Bodies.EndpointBody body = bodies.read(ctx, Bodies.EndpointBody.class);
    String url = body.url();
    if (url == null) {
      throw Problem.invalid("url", "required", "the endpoint's url is required").raise();
    }
    var registered = Api.ok(webhooks.endpoint().register(new RegisterEndpointCommand(caller, url)));
    ctx.json(EndpointView.of(registered));
  }

  private void endpoint(Context ctx, String caller) {
    ctx.json(EndpointView.of(Api.ok(ports().endpoint().endpoint(caller))));
  }

  private void remove(Context ctx, String caller) {
    Api.ok(ports().endpoint().remove(caller));
    ctx.status(204);
  }

  private void rotate(Context ctx, String caller) {
    ctx.json(EndpointView.of(Api.ok(ports().endpoint().rotateSecret(caller))));
  }

  private void deliveries(Context ctx, String caller) {
    Ports webhooks = ports();
    var query = new ListDeliveriesQuery(caller, Api.param(ctx, "cursor"), Api.limit(ctx, MAX_PAGE));
    var listing = Api.ok(webhooks.deliveries().list(query));
    ctx.json(
        new Page<>(
            listing.deliveries().map(DeliveryView::of).toJavaList(),
            listing.nextCursor().getOrNull()));
  }

  private void delivery(Context ctx, String caller) {
    ctx.json(DeliveryView.of(Api.ok(ports().deliveries().get(deliveryNamed(ctx, caller)))));
  }

  private void replay(Context ctx, String caller) {
    var replayed = Api.ok(ports().deliveries().replay(deliveryNamed(ctx, caller)));
    ctx.status(202);
    ctx.json(DeliveryView.of(replayed));
  }

  private static DeliveryQuery deliveryNamed(Context ctx, String caller) {
    return new DeliveryQuery(caller, ctx.pathParam("id"));
  }
}
