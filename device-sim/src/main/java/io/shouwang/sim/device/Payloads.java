package io.shouwang.sim.device;

import io.shouwang.schemas.v1.CommandResult;
import io.shouwang.schemas.v1.DoorContact;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.ServiceButton;
import io.shouwang.schemas.v1.SmokeAlarm;

/** Envelope payloads, unstamped: {@link SimDevice#next} adds id, seq, boot id and time. */
public final class Payloads {

  private Payloads() {}

  /** An emergency button press or cancel. */
  public static Envelope.Builder button(EmergencyButton.Action action) {
    return Envelope.newBuilder().setEmergencyButton(EmergencyButton.newBuilder().setAction(action));
  }

  /** A service button press. */
  public static Envelope.Builder service(String code) {
    return Envelope.newBuilder().setServiceButton(ServiceButton.newBuilder().setServiceCode(code));
  }

  /** A smoke alarm event or level report. */
  public static Envelope.Builder smoke(SmokeAlarm.Event event, float obscuration) {
    return Envelope.newBuilder()
        .setSmokeAlarm(SmokeAlarm.newBuilder().setEvent(event).setObscurationPctPerM(obscuration));
  }

  /** A gas reading or alarm transition. */
  public static Envelope.Builder gas(GasDetector.Alarm alarm, float lelPercent) {
    return Envelope.newBuilder()
        .setGasDetector(GasDetector.newBuilder().setAlarm(alarm).setLelPercent(lelPercent));
  }

  /** A valve state, with the command that caused it (empty if none) and a fault code. */
  public static Envelope.Builder valve(GasValve.State state, String commandId, String fault) {
    return Envelope.newBuilder()
        .setGasValve(GasValve.newBuilder().setState(state).setCommandId(commandId).setFault(fault));
  }

  /** A door contact change. */
  public static Envelope.Builder door(DoorContact.State state, boolean forced, boolean tamper) {
    return Envelope.newBuilder()
        .setDoorContact(
            DoorContact.newBuilder().setState(state).setForced(forced).setTamper(tamper));
  }

  /** A health reading. */
  public static Envelope.Builder health(HealthReading reading) {
    return Envelope.newBuilder().setHealth(reading);
  }

  /** The outcome of a command. */
  public static Envelope.Builder result(
      String commandId, CommandResult.Status status, String detail) {
    return Envelope.newBuilder()
        .setCommandResult(
            CommandResult.newBuilder().setCommandId(commandId).setStatus(status).setDetail(detail));
  }
}
