package io.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.TaskQueue;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIntakeTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  private final Registry registry = TestRegistry.households(3);
  private final TaskQueue loop = new TaskQueue();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<String> processed = new ArrayList<>();

  @Test
  void eventIsNeverQueuedBehindATelemetryBacklog() {
    // GIVEN 1000 heartbeats waiting for the engine
    MessageIntake intake = new MessageIntake(loop, 10_000, this::process, meters);
    for (int seq = 1; seq <= 1000; seq++) {
      intake.offer(Messages.heartbeat(registry, "hm-0001", seq, T0));
    }

    // WHEN a button press arrives after them
    Future<Void> press = intake.offer(Messages.press(registry, "btn-0001", 1, T0));

    // THEN the engine handles it after at most one batch of telemetry
    while (!press.isComplete()) {
      loop.runOne();
    }
    assertThat(processed.indexOf("btn-0001/1/1")).isBetween(0, 32);
    loop.runAll();
    assertThat(processed).hasSize(1001);
  }

  @Test
  void fullTelemetryQueueDropsCountsAndAcknowledgesAtOnce() {
    // GIVEN a telemetry queue of 10 that the engine has not drained yet
    MessageIntake intake = new MessageIntake(loop, 10, this::process, meters);
    List<Future<Void>> acks = new ArrayList<>();
    for (int seq = 1; seq <= 15; seq++) {
      acks.add(intake.offer(Messages.heartbeat(registry, "hm-0001", seq, T0)));
    }

    // THEN the five that did not fit are acknowledged at once and counted, not evaluated
    assertThat(acks.subList(10, 15)).allSatisfy(f -> assertThat(f.succeeded()).isTrue());
    assertThat(acks.subList(0, 10)).noneSatisfy(f -> assertThat(f.isComplete()).isTrue());
    assertThat(meters.get("shouwang.alerting.telemetry.dropped").counter().count())
        .isEqualTo(5.0);
    loop.runAll();
    assertThat(processed).hasSize(10);

    // AND events are never dropped, however full the telemetry queue is
    for (int seq = 16; seq <= 30; seq++) {
      intake.offer(Messages.heartbeat(registry, "hm-0001", seq, T0));
    }
    Future<Void> press = intake.offer(Messages.press(registry, "btn-0001", 1, T0));
    loop.runAll();
    assertThat(press.succeeded()).isTrue();
    assertThat(processed).contains("btn-0001/1/1");
  }

  private Future<Void> process(DeviceMessage message) {
    processed.add(message.messageKey());
    return Future.succeededFuture();
  }
}
