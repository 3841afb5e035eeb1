package io.shouwang.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.Severity;
import io.shouwang.gateway.ingest.AcceptedMessage;
import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.TestRegistries;
import io.shouwang.registry.Registry;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.Envelope;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceHealthBoardTest {

  static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

  @TempDir Path dir;

  @Test
  void aPressKeepsTheBatteryOfTheLastHeartbeatAndMovesLastSeen() throws Exception {
    Registry registry = TestRegistries.households(dir, 1);
    DeviceHealthBoard board = new DeviceHealthBoard();
    assertThat(board.seen("btn-0001")).isEmpty();

    board.record(accepted(registry, Envelopes.heartbeat("btn-0001", 1, T0), T0));
    board.record(accepted(registry, Envelopes.press("btn-0001", 2, T0), T0.plusSeconds(5)));

    DeviceHealthBoard.Seen seen = board.seen("btn-0001").orElseThrow();
    assertThat(seen.lastSeen()).isEqualTo(T0.plusSeconds(5));
    assertThat(seen.batteryPercent())
        .isEqualTo(Envelopes.heartbeat("btn-0001", 1, T0).getHeartbeat().getBatteryPercent());
  }

  @Test
  void theWorstOpenHealthIncidentGivesTheStatus() {
    Map<String, String> status = DeviceHealthBoard.statusByDevice(List.of(
        incident("smk-1", Cause.LOW_BATTERY), incident("smk-1", Cause.PROTECTION_LOST),
        incident("pir-1", Cause.DEVICE_OFFLINE), incident("btn-1", Cause.EMERGENCY_BUTTON)));

    assertThat(status).containsExactlyInAnyOrderEntriesOf(
        Map.of("smk-1", "protection_lost", "pir-1", "offline"));
  }

  private static AcceptedMessage accepted(Registry registry, Envelope envelope, Instant at) {
    return new AcceptedMessage(envelope, registry.device(envelope.getDeviceId()).orElseThrow(),
        MessageClass.TELEMETRY, at, false, at, 0L);
  }

  private static Incident incident(String device, Cause cause) {
    return new Incident("inc-" + device + cause, "hh-1", cause, Severity.NORMAL,
        IncidentState.PAGED, "default", T0, T0, null, null, null, 1, 0, 0, null, device, "s",
        Map.of(), List.of(), List.of());
  }
}
