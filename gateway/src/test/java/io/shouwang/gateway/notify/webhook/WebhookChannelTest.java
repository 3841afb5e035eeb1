package io.shouwang.gateway.notify.webhook;

import static io.shouwang.gateway.notify.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.alerting.notify.Page;
import io.shouwang.gateway.notify.FakeReceiver;
import io.shouwang.gateway.notify.Pages;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The webhook's body and signature are what CHANNELS.md documents. */
@Timeout(60)
class WebhookChannelTest {

  private static final String SECRET = "whsec-test-0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-11-03T08:15:31Z");
  private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

  private Vertx vertx;
  private FakeReceiver receiver;
  private WebhookChannel channel;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    receiver = FakeReceiver.start(vertx);
    channel = new WebhookChannel(vertx, new WebhookOptions(receiver.url("/shouwang"), SECRET),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() throws Exception {
    channel.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void signatureIsHmacSha256OfTimestampDotRawBodyAsDocumented() throws Exception {
    await(channel.send(Pages.page("webhook")));

    FakeReceiver.Received request = receiver.last();
    Matcher header = SIGNATURE.matcher(request.headers().get("X-Shouwang-Signature"));
    assertThat(header.matches()).isTrue();
    assertThat(Long.parseLong(header.group(1))).isEqualTo(NOW.getEpochSecond());
    // Computed here from the documented recipe, not with the channel's own code.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signed = header.group(1) + "." + request.body();
    String expected =
        HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    assertThat(header.group(2)).isEqualTo(expected);
  }

  @Test
  void verifierAcceptsTheSignedBodyAndRejectsTamperingStalenessAndOtherKeys() throws Exception {
    await(channel.send(Pages.page("webhook")));
    FakeReceiver.Received request = receiver.last();
    String header = request.headers().get(WebhookSignature.HEADER);
    byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
    long now = NOW.getEpochSecond();

    assertThat(WebhookSignature.verify(SECRET, header, body, now + 10, 300)).isTrue();
    assertThat(WebhookSignature.verify(SECRET, header, tampered(body), now, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, body, now + 301, 300)).isFalse();
    assertThat(WebhookSignature.verify("another-secret-0123456789", header, body, now, 300))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "t=x,v1=zz", body, now, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, null, body, now, 300)).isFalse();
  }

  @Test
  void bodyIsTheDocumentedJsonWithoutContactDetails() throws Exception {
    Page page = Pages.page("webhook");

    await(channel.send(page));

    FakeReceiver.Received request = receiver.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.headers().get("Content-Type")).startsWith("application/json");
    assertThat(request.headers().get("Idempotency-Key")).isEqualTo(page.idempotencyKey());
    JsonObject json = new JsonObject(request.body());
    assertThat(json.fieldNames()).containsExactly("idempotencyKey", "incidentId", "channel",
        "recipient", "title", "body", "acceptUrl", "createdAt", "data");
    assertThat(json.getString("idempotencyKey")).isEqualTo(page.idempotencyKey());
    assertThat(json.getString("incidentId")).isEqualTo("inc-42");
    assertThat(json.getString("title")).isEqualTo(page.title());
    assertThat(json.getString("body")).isEqualTo(page.body());
    assertThat(json.getString("acceptUrl")).isEqualTo(Pages.ACCEPT_URL);
    assertThat(json.getString("createdAt")).isEqualTo("2026-11-03T08:15:30Z");
    assertThat(json.getJsonObject("recipient").getMap()).isEqualTo(
        Map.of("id", "cg-0007", "name", "李娜", "role", "caregiver", "language", "zh"));
    assertThat(json.getJsonObject("data").getMap()).isEqualTo(page.data());
    assertThat(List.copyOf(json.getJsonObject("data").fieldNames())).isSorted();
    assertThat(request.body()).doesNotContain(Pages.PHONE, Pages.EMAIL);
  }

  @Test
  void reachesEveryRecipientUnlessRolesAreConfigured() {
    WebhookOptions deskOnly = new WebhookOptions(receiver.url("/"), SECRET,
        Duration.ofSeconds(1), Set.of("duty_desk"));
    WebhookChannel limited = new WebhookChannel(vertx, deskOnly, Clock.systemUTC());

    assertThat(channel.canReach(Pages.caregiver())).isTrue();
    assertThat(channel.canReach(Pages.resident("zh"))).isTrue();
    assertThat(limited.canReach(Pages.caregiver())).isFalse();
    limited.close();
  }

  @Test
  void optionsNameTheBadKeyAndNeverShowTheSecretOrUrlToken() {
    assertThatThrownBy(() -> new WebhookOptions("ftp://x/hook-token-123", SECRET))
        .hasMessageContaining("webhook.url").hasMessageNotContaining("hook-token-123");
    assertThatThrownBy(() -> new WebhookOptions("https://x/y", "short-secret"))
        .hasMessageContaining("webhook.secret").hasMessageNotContaining("short-secret");
    assertThatThrownBy(() -> new WebhookOptions("https://x/y", SECRET, Duration.ZERO, null))
        .hasMessageContaining("webhook.timeout");
    assertThat(new WebhookOptions("https://hooks.example.org/T0K3N?k=v", SECRET).toString())
        .contains("hooks.example.org").doesNotContain(SECRET, "T0K3N", "k=v");
  }

  private static byte[] tampered(byte[] body) {
    byte[] copy = body.clone();
    copy[copy.length / 2] ^= 1;
    return copy;
  }
}
