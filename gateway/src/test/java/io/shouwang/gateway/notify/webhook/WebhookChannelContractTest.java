package io.shouwang.gateway.notify.webhook;

import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.gateway.notify.HttpChannelContract;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The webhook channel passes the shared HTTP channel contract. */
class WebhookChannelContractTest extends HttpChannelContract {

  static final String SECRET = "whsec-contract-0123456789abcdef";
  // Chat-bot style webhook URLs carry their token in the path and the query.
  static final String PATH_TOKEN = "T0KEN-in-path-9f8e7d";
  static final String QUERY_TOKEN = "access-token-in-query-31";

  @Override
  protected NotificationChannel channel(Vertx vertx, String url, Duration timeout) {
    return new WebhookChannel(
        vertx, new WebhookOptions(url, SECRET, timeout, Set.of()), Clock.systemUTC());
  }

  @Override
  protected String pathAndQuery() {
    return "/hooks/" + PATH_TOKEN + "?access_token=" + QUERY_TOKEN;
  }

  @Override
  protected List<String> secrets() {
    return List.of(SECRET, PATH_TOKEN, QUERY_TOKEN);
  }
}
