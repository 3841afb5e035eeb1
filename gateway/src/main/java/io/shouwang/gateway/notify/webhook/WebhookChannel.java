package io.shouwang.gateway.notify.webhook;

import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.gateway.notify.HttpDelivery;
import io.shouwang.gateway.notify.OptionChecks;
import io.shouwang.gateway.notify.Redactor;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.util.List;

/**
 * Posts each page as signed JSON to one configured URL, typically the service centre's own
 * system. The body is signed with the timestamp (see {@link WebhookSignature}) and carries the
 * page's idempotency key in the {@code Idempotency-Key} header, so the receiver can check origin
 * and drop the duplicates that retries produce.
 */
public final class WebhookChannel implements NotificationChannel {

  /** The channel's name, as pages and configuration refer to it. */
  public static final String NAME = "webhook";

  private final WebhookOptions options;
  private final Clock clock;
  private final HttpDelivery delivery;

  /** A channel with its own connection pool; {@link #close()} releases it. */
  public WebhookChannel(Vertx vertx, WebhookOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    this.delivery =
        new HttpDelivery(
            vertx,
            NAME,
            HttpMethod.POST,
            OptionChecks.requireHttpUrl(options.url(), "webhook.url"),
            options.timeout(),
            Redactor.hiding(List.of(options.secret())));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean canReach(Recipient recipient) {
    return options.roles().isEmpty() || options.roles().contains(recipient.role());
  }

  @Override
  public Future<String> send(Page page) {
    Buffer body = WebhookPayload.encode(page);
    long now = clock.instant().getEpochSecond();
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .set("Content-Type", "application/json; charset=utf-8")
            .set(WebhookSignature.HEADER,
                WebhookSignature.header(options.secret(), now, body.getBytes()));
    Recipient recipient = page.recipient();
    return delivery.send(
        page.idempotencyKey(), headers, body, recipient.phone(), recipient.email());
  }

  /** Releases the connection pool. */
  public void close() {
    delivery.close();
  }
}
