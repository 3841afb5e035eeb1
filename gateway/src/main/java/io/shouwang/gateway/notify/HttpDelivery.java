package io.shouwang.gateway.notify;

import io.shouwang.alerting.notify.ChannelException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP request for one HTTP-backed channel and turns the outcome into a receipt or a
 * {@link ChannelException}; the status decides the retry in {@link ChannelException#forStatus}.
 *
 * <p>Each channel owns one, with its own connection pool, so a slow SMS gateway cannot hold the
 * connections a webhook needs. Failure text names the channel and the target's host only: URL
 * paths and queries often hold tokens (chat-bot webhooks, SMS API keys).
 */
public final class HttpDelivery {

  /** The header carrying the page's idempotency key on every request. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final Logger LOG = LoggerFactory.getLogger(HttpDelivery.class);

  private final Vertx vertx;
  private final WebClient client;
  private final String channel;
  private final HttpMethod method;
  private final String url;
  private final String target;
  private final Duration timeout;
  private final Redactor redactor;

  /**
   * A delivery to one URL; {@code secrets} are masked in every failure (the URL's path and query
   * are masked in any case).
   */
  public HttpDelivery(
      Vertx vertx, String channel, HttpMethod method, URI url, Duration timeout, Redactor secrets) {
    this.vertx = vertx;
    this.channel = channel;
    this.method = method;
    this.url = url.toString();
    this.target = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    this.timeout = timeout;
    this.redactor = secrets.and(url.getRawPath(), url.getRawQuery());
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setConnectTimeout(millis)
                .setUserAgent("shouwang-gateway")
                .setFollowRedirects(false));
  }

  /**
   * Sends the body once with the headers and the page's {@code Idempotency-Key}; completes with a
   * short receipt on 2xx. {@code personal} values (the recipient's phone or address) are masked
   * in failures as well.
   */
  public Future<String> send(
      String idempotencyKey, MultiMap headers, Buffer body, String... personal) {
    Redactor pageRedactor = redactor.and(personal);
    Future<HttpResponse<Buffer>> response;
    try {
      headers.set(IDEMPOTENCY_KEY, idempotencyKey);
      response =
          client.requestAbs(method, url).putHeaders(headers).timeout(timeout.toMillis())
              .sendBuffer(body);
    } catch (RuntimeException e) {
      // An invalid header value (a line break in a key) is rejected before anything is sent.
      return Future.failedFuture(fail(400, "request rejected before sending", e, pageRedactor));
    }
    Future<String> outcome = Deadline.within(vertx, response, timeout)
        .compose(
            answer -> {
              int status = answer.statusCode();
              if (status >= 200 && status < 300) {
                return Future.succeededFuture(channel + ": HTTP " + status);
              }
              return Future.failedFuture(fail(status, "HTTP " + status, null, pageRedactor));
            },
            error -> Future.failedFuture(failure(error, pageRedactor)));
    return outcome.onComplete((receipt, error) -> {
      if (error == null) {
        LOG.debug("{} page {} delivered: {}", channel, idempotencyKey, receipt);
      } else {
        LOG.debug("{} page {} not delivered", channel, idempotencyKey, error);
      }
    });
  }

  /** Closes the connection pool. */
  public void close() {
    client.close();
  }

  private ChannelException failure(Throwable error, Redactor pageRedactor) {
    if (error instanceof TimeoutException) {
      return fail(0, "no answer within " + timeout.toMillis() + " ms", error, pageRedactor);
    }
    // Refused, reset or closed connections, DNS and TLS failures: no answer, worth another try.
    // Only a request rejected before it left is the page's own fault, and send() catches that.
    return fail(0, "no answer (" + error.getClass().getSimpleName() + ")", error, pageRedactor);
  }

  private ChannelException fail(int status, String what, Throwable cause, Redactor pageRedactor) {
    return ChannelException.forStatus(
        channel + ": " + what + " from " + target, status, pageRedactor.scrub(cause));
  }
}
