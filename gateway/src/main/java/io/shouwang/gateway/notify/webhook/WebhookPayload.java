package io.shouwang.gateway.notify.webhook;

import io.shouwang.alerting.notify.Page;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON body of a webhook request: the page's fields, the recipient without contact details
 * (the receiver has the registry), and the page's data with keys sorted. Documented in
 * CHANNELS.md; a field is only ever added, never renamed.
 */
final class WebhookPayload {

  private WebhookPayload() {}

  static Buffer encode(Page page) {
    JsonObject recipient =
        new JsonObject()
            .put("id", page.recipient().id())
            .put("name", page.recipient().name())
            .put("role", page.recipient().role())
            .put("language", page.recipient().language());
    Map<String, Object> data = new TreeMap<>(page.data());
    JsonObject json =
        new JsonObject()
            .put("idempotencyKey", page.idempotencyKey())
            .put("incidentId", page.incidentId())
            .put("channel", page.channel())
            .put("recipient", recipient)
            .put("title", page.title())
            .put("body", page.body())
            .put("acceptUrl", page.acceptUrl())
            .put("createdAt", page.createdAt() == null ? null : page.createdAt().toString())
            .put("data", new JsonObject(data));
    return json.toBuffer();
  }
}
