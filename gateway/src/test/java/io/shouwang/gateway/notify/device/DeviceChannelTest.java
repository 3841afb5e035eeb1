package io.shouwang.gateway.notify.device;

import static io.shouwang.gateway.notify.Futures.await;
import static io.shouwang.gateway.notify.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceCommandSink;
import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.gateway.notify.Pages;
import io.shouwang.schemas.v1.ButtonFeedback;
import io.shouwang.schemas.v1.Command;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class DeviceChannelTest {

  private static final Instant NOW = Instant.parse("2026-11-03T08:16:02.250Z");

  private final Vertx vertx = Vertx.vertx();
  private final FakeSink sink = new FakeSink();
  private final DeviceChannel channel = channel(DeviceOptions.defaults());

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0}/{1}, title \"{2}\" -> {3} \"{4}\"")
  @CsvSource(delimiter = '|', value = {
    "zh | ''                | ''              | HELP_COMING       | 已有人接警，马上就到",
    "en | ''                | ''              | HELP_COMING       | Help is on the way",
    "zh | help_coming       | ''              | HELP_COMING       | 已有人接警，马上就到",
    "zh | RESPONDER_ON_SITE | ''              | RESPONDER_ON_SITE | 救助人员已到达",
    "en | RESPONDER_ON_SITE | ''              | RESPONDER_ON_SITE | Your helper has arrived",
    "en | CANCELLED         | ''              | CANCELLED         | Your call has been cancelled",
    "zh | ''                | 李娜已接警，五分钟内到 | HELP_COMING       | 李娜已接警，五分钟内到"
  })
  void commandCarriesDeviceSignalSpokenTextAndExpiry(
      String language, String signal, String title, String expectedSignal, String spoken)
      throws Exception {
    Map<String, String> data = new HashMap<>(Map.of("deviceId", "btn-0102"));
    if (!signal.isEmpty()) {
      data.put("signal", signal);
    }

    String receipt = await(channel.send(residentPage(language, title, data)));

    DeviceCommand sent = sink.sent.get(0);
    Command command = sent.command();
    assertThat(sent.deviceId()).isEqualTo("btn-0102");
    assertThat(command.getDeviceId()).isEqualTo("btn-0102");
    assertThat(command.getActionCase()).isEqualTo(Command.ActionCase.BUTTON_FEEDBACK);
    assertThat(command.getButtonFeedback().getSignal())
        .isEqualTo(ButtonFeedback.Signal.valueOf(expectedSignal));
    assertThat(command.getButtonFeedback().getSpokenText()).isEqualTo(spoken);
    assertThat(command.getIssuedAt().getSeconds()).isEqualTo(NOW.getEpochSecond());
    assertThat(command.getIssuedAt().getNanos()).isEqualTo(250_000_000);
    assertThat(command.getExpiresAt().getSeconds())
        .isEqualTo(NOW.plus(Duration.ofMinutes(10)).getEpochSecond());
    assertThat(receipt).isEqualTo("device: " + command.getCommandId());
  }

  @Test
  void everyAttemptCarriesTheSameCommandId() throws Exception {
    Page page = residentPage("zh", "", Map.of("deviceId", "btn-0102"));

    await(channel.send(page));
    await(channel.send(page));

    assertThat(sink.sent).hasSize(2);
    assertThat(sink.sent.get(0).command().getCommandId())
        .isEqualTo(sink.sent.get(1).command().getCommandId())
        .isNotEqualTo(ButtonFeedbacks.commandId("another page"));
  }

  @ParameterizedTest(name = "data {0}")
  @CsvSource(delimiter = '|', value = {
    "deviceId=                  | deviceId",
    "deviceId=bad/id            | deviceId",
    "deviceId=btn-1,signal=LOUD | signal"
  })
  void pageThatCannotBecomeACommandFailsForGood(String fields, String named) throws Exception {
    Map<String, String> data = new HashMap<>();
    for (String field : fields.split(",")) {
      String[] pair = field.split("=", 2);
      if (!pair[1].isEmpty()) {
        data.put(pair[0], pair[1]);
      }
    }

    ChannelException e = failure(channel.send(residentPage("zh", "", data)));

    assertThat(e.retryable()).isFalse();
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage()).contains(named);
    assertThat(sink.sent).isEmpty();
  }

  @Test
  void brokerThatRefusesIsRetryable() throws Exception {
    sink.answer = () -> Future.failedFuture(new IllegalStateException("broker disconnected"));

    ChannelException e = failure(channel.send(residentPage("zh", "", Map.of("deviceId", "b-1"))));

    assertThat(e.retryable()).isTrue();
  }

  @Test
  void sinksOwnChannelExceptionKeepsItsRetryDecision() throws Exception {
    sink.answer =
        () -> Future.failedFuture(ChannelException.forStatus("not authorised", 403, null));

    ChannelException e = failure(channel.send(residentPage("zh", "", Map.of("deviceId", "b-1"))));

    assertThat(e.retryable()).isFalse();
    assertThat(e.status()).isEqualTo(403);
  }

  @Test
  void brokerThatNeverConfirmsTimesOutRetryable() throws Exception {
    sink.answer = () -> Promise.<Void>promise().future();
    DeviceChannel impatient =
        channel(new DeviceOptions(Duration.ofMinutes(10), Duration.ofMillis(300)));

    ChannelException e =
        failure(impatient.send(residentPage("zh", "", Map.of("deviceId", "b-1"))));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isZero();
  }

  @Test
  void optionsDefaultWhenUnsetAndNameTheBadKey() {
    assertThat(new DeviceOptions(null, null)).isEqualTo(
        new DeviceOptions(Duration.ofMinutes(10), Duration.ofSeconds(5)));
    assertThatThrownBy(() -> new DeviceOptions(Duration.ZERO, null))
        .hasMessageContaining("device.expiry");
    assertThatThrownBy(() -> new DeviceOptions(null, Duration.ofMillis(-5)))
        .hasMessageContaining("device.timeout");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"resident, true", "caregiver, false", "family, false", "duty_desk, false"})
  void reachesResidentsOnly(String role, boolean reachable) {
    assertThat(channel.canReach(new Recipient("x", "n", role, "zh", null, null)))
        .isEqualTo(reachable);
  }

  private DeviceChannel channel(DeviceOptions options) {
    return new DeviceChannel(vertx, sink, options, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Page residentPage(String language, String title, Map<String, String> data) {
    Page template = Pages.page("device", Pages.resident(language));
    return new Page(template.idempotencyKey(), template.incidentId(), "device",
        template.recipient(), title, "", null, data, template.createdAt());
  }

  /** Records commands; answers as told (accepted by default). */
  private static final class FakeSink implements DeviceCommandSink {
    final List<DeviceCommand> sent = new CopyOnWriteArrayList<>();
    volatile Supplier<Future<Void>> answer = Future::succeededFuture;

    @Override
    public Future<Void> send(DeviceCommand command) {
      sent.add(command);
      return answer.get();
    }
  }
}
