package io.shouwang.gateway.notify.sms;

import static io.shouwang.gateway.notify.Futures.await;
import static io.shouwang.gateway.notify.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.gateway.notify.FakeReceiver;
import io.shouwang.gateway.notify.Pages;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SMS request is the rendered template with the configured method and headers. */
@Timeout(60)
class SmsChannelTest {

  private static final String KEY = "sk-test-sms-0042";
  private static final String TEMPLATE =
      "{\"to\":\"{phone}\",\"content\":\"{text}\",\"requestId\":\"{idempotencyKey}\"}";

  private Vertx vertx;
  private FakeReceiver gateway;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = FakeReceiver.start(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void sendsTheRenderedTemplateWithConfiguredMethodAndHeaders() throws Exception {
    SmsChannel channel = new SmsChannel(vertx, new SmsOptions("put", gateway.url("/send"),
        Map.of("X-Api-Key", KEY), TEMPLATE, SmsBodyFormat.JSON, 70, Duration.ofSeconds(20)));
    Page page = Pages.page("sms");

    await(channel.send(page));

    FakeReceiver.Received request = gateway.last();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.headers().get("X-Api-Key")).isEqualTo(KEY);
    assertThat(request.headers().get("Content-Type")).startsWith("application/json");
    JsonObject body = new JsonObject(request.body());
    assertThat(body.getString("to")).isEqualTo(Pages.PHONE);
    assertThat(body.getString("requestId")).isEqualTo(page.idempotencyKey());
    assertThat(body.getString("content")).hasSizeLessThanOrEqualTo(70)
        .startsWith(page.title()).endsWith(Pages.ACCEPT_URL);
    channel.close();
  }

  @Test
  void formBodyAndAConfiguredContentTypeAreHonoured() throws Exception {
    SmsChannel channel = new SmsChannel(vertx, new SmsOptions("POST", gateway.url("/send"),
        Map.of("content-type", "application/x-www-form-urlencoded"), "m={phone}&c={text}",
        SmsBodyFormat.FORM, 70, Duration.ofSeconds(20)));

    await(channel.send(Pages.page("sms")));

    assertThat(gateway.last().headers().getAll("Content-Type"))
        .containsExactly("application/x-www-form-urlencoded");
    assertThat(gateway.last().body()).startsWith("m=%2B8613912345678&c=");
  }

  @Test
  void reachesOnlyRecipientsWithAPhoneAndRefusesOthersForGood() throws Exception {
    SmsChannel channel = new SmsChannel(vertx,
        SmsOptions.json(gateway.url("/send"), Map.of(), TEMPLATE));
    Recipient noPhone = new Recipient("f-1", "王强", "family", "zh", null, "w@example.org");

    ChannelException e = failure(channel.send(Pages.page("sms", noPhone)));

    assertThat(channel.canReach(Pages.caregiver())).isTrue();
    assertThat(channel.canReach(noPhone)).isFalse();
    assertThat(e.retryable()).isFalse();
    assertThat(gateway.received()).isEmpty();
  }

  @Test
  void optionsNameTheBadKeyAndHideHeaderValues() {
    assertThatThrownBy(() -> new SmsOptions("GET", "https://sms.example.org", Map.of(),
        TEMPLATE, SmsBodyFormat.JSON, 70, Duration.ofSeconds(5)))
        .hasMessageContaining("sms.method");
    assertThatThrownBy(() -> new SmsOptions("POST", "https://sms.example.org", Map.of(),
        TEMPLATE, SmsBodyFormat.JSON, 10, Duration.ofSeconds(5)))
        .hasMessageContaining("sms.maxLength");
    assertThatThrownBy(() -> new SmsOptions("POST", "https://sms.example.org",
        Map.of("X-Api-Key", KEY + "\r\nX-Evil: 1"), TEMPLATE, SmsBodyFormat.JSON, 70,
        Duration.ofSeconds(5)))
        .hasMessageContaining("sms.headers.X-Api-Key").hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> new SmsOptions("POST", "sms.example.org", Map.of(), TEMPLATE,
        SmsBodyFormat.JSON, 70, Duration.ofSeconds(5)))
        .hasMessageContaining("sms.url");
    assertThatThrownBy(() -> new SmsOptions("POST", "https://sms.example.org", Map.of(),
        TEMPLATE, null, 70, Duration.ofSeconds(-1)))
        .hasMessageContaining("sms.timeout");
    SmsOptions defaults =
        new SmsOptions(null, "https://sms.example.org", null, TEMPLATE, null, 70, null);
    assertThat(defaults.method()).isEqualTo("POST");
    assertThat(defaults.bodyFormat()).isEqualTo(SmsBodyFormat.JSON);
    assertThat(defaults.timeout()).isEqualTo(SmsOptions.DEFAULT_TIMEOUT);
    assertThat(SmsOptions.json("https://sms.example.org/s?k=" + KEY, Map.of("X-Api-Key", KEY),
        TEMPLATE).toString()).contains("X-Api-Key").doesNotContain(KEY);
  }
}
