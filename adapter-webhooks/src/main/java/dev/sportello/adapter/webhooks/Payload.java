package dev.sportello.adapter.webhooks;

import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.webhook.WebhookEvent;
import dev.sportello.domain.webhook.WebhookMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message as the receiver reads it: {@code {"type", "timestamp", "data"}}, the Standard Webhooks
 * envelope. The data names the request and what happened to it, never a personal value; times are
 * ISO-8601 in UTC.
 */
final class Payload {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Payload() {}

  static byte[] of(WebhookMessage message) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", message.type().wireName());
    envelope.put("timestamp", message.timestamp().toString());
    envelope.put("data", data(message.event()));
    return JSON.writeValueAsBytes(envelope);
  }

  private static Map<String, Object> data(WebhookEvent event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestId", event.requestId().value());
    switch (event) {
      case WebhookEvent.StatusChanged changed -> {
        data.put("from", changed.from().map(Enum::name).getOrNull());
        data.put("to", changed.to().name());
      }
      case WebhookEvent.DocumentReady ready -> {
        data.put("status", ready.status().name());
        data.put("document", document(ready.document()));
      }
    }
    data.put("at", event.at().toString());
    return data;
  }

  private static Map<String, Object> document(DocumentRef document) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", document.name());
    view.put("sizeBytes", document.sizeBytes());
    view.put("sha256", document.sha256());
    return view;
  }
}
