package io.shouwang.gateway.notify.sms;

import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.gateway.notify.HttpDelivery;
import io.shouwang.gateway.notify.Redactor;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends each page as one text message through an HTTP SMS gateway described by a request
 * template, so a new provider needs configuration, not code. Providers that require a computed
 * request signature need their own channel.
 */
public final class SmsChannel implements NotificationChannel {

  /** The channel's name, as pages and configuration refer to it. */
  public static final String NAME = "sms";

  private final SmsOptions options;
  private final SmsTemplate template;
  private final HttpDelivery delivery;

  /** A channel with its own connection pool; {@link #close()} releases it. */
  public SmsChannel(Vertx vertx, SmsOptions options) {
    this.options = options;
    this.template = SmsTemplate.parse(options.bodyTemplate(), options.bodyFormat());
    this.delivery =
        new HttpDelivery(
            vertx,
            NAME,
            HttpMethod.valueOf(options.method()),
            options.uri(),
            options.timeout(),
            Redactor.hiding(options.headers().values()));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean canReach(Recipient recipient) {
    return recipient.phone() != null && !recipient.phone().isBlank();
  }

  @Override
  public Future<String> send(Page page) {
    Recipient recipient = page.recipient();
    if (!canReach(recipient)) {
      return Future.failedFuture(
          ChannelException.forStatus(
              "sms: recipient " + recipient.id() + " has no phone", 400, null));
    }
    String text =
        SmsText.compose(page.title(), page.body(), page.acceptUrl(), options.maxLength());
    String body =
        template.render(
            Map.of(
                SmsTemplate.PHONE, recipient.phone().strip(),
                SmsTemplate.TEXT, text,
                SmsTemplate.IDEMPOTENCY_KEY, page.idempotencyKey()));
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .set("Content-Type", options.bodyFormat().contentType());
    options.headers().forEach(headers::set);
    Buffer bytes = Buffer.buffer(body, StandardCharsets.UTF_8.name());
    return delivery.send(
        page.idempotencyKey(), headers, bytes, recipient.phone(), recipient.email());
  }

  /** Releases the connection pool. */
  public void close() {
    delivery.close();
  }
}
