package io.shouwang.gateway.notify.sms;

import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.gateway.notify.HttpChannelContract;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The SMS channel passes the shared HTTP channel contract. */
class SmsChannelContractTest extends HttpChannelContract {

  static final String API_KEY = "sk-live-sms-key-4242";
  static final String QUERY_KEY = "query-key-7777";
  static final String TEMPLATE =
      "{\"to\":\"{phone}\",\"content\":\"{text}\",\"requestId\":\"{idempotencyKey}\"}";

  @Override
  protected NotificationChannel channel(Vertx vertx, String url, Duration timeout) {
    return new SmsChannel(vertx, new SmsOptions("POST", url, Map.of("X-Api-Key", API_KEY),
        TEMPLATE, SmsBodyFormat.JSON, SmsOptions.DEFAULT_MAX_LENGTH, timeout));
  }

  @Override
  protected String pathAndQuery() {
    return "/v1/sms/send?apikey=" + QUERY_KEY;
  }

  @Override
  protected List<String> secrets() {
    return List.of(API_KEY, QUERY_KEY);
  }
}
