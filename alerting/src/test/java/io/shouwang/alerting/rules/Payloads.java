package io.shouwang.alerting.rules;

import io.shouwang.schemas.v1.CommandResult;
import io.shouwang.schemas.v1.DoorContact;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.Heartbeat;
import io.shouwang.schemas.v1.Motion;
import io.shouwang.schemas.v1.ServiceButton;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.util.function.Consumer;

/** Payloads for rule tests, each as a change to an envelope. */
final class Payloads {

  private Payloads() {}

  static Consumer<Envelope.Builder> press() {
    return e ->
        e.setEmergencyButton(EmergencyButton.newBuilder().setAction(EmergencyButton.Action.PRESS));
  }

  static Consumer<Envelope.Builder> cancel() {
    return e ->
        e.setEmergencyButton(EmergencyButton.newBuilder().setAction(EmergencyButton.Action.CANCEL));
  }

  static Consumer<Envelope.Builder> service(String code) {
    return e -> e.setServiceButton(ServiceButton.newBuilder().setServiceCode(code));
  }

  static Consumer<Envelope.Builder> smoke(SmokeAlarm.Event event) {
    return e -> e.setSmokeAlarm(SmokeAlarm.newBuilder().setEvent(event));
  }

  static Consumer<Envelope.Builder> gas(boolean alarm, float lel) {
    GasDetector.Alarm state = alarm ? GasDetector.Alarm.ALARM : GasDetector.Alarm.NORMAL;
    return e -> e.setGasDetector(GasDetector.newBuilder().setAlarm(state).setLelPercent(lel));
  }

  static Consumer<Envelope.Builder> valve(GasValve.State state, String commandId) {
    return e -> e.setGasValve(GasValve.newBuilder().setState(state).setCommandId(commandId));
  }

  static Consumer<Envelope.Builder> valveFault(String fault) {
    return e -> e.setGasValve(GasValve.newBuilder().setState(GasValve.State.FAULT).setFault(fault));
  }

  static Consumer<Envelope.Builder> result(String commandId, CommandResult.Status status) {
    return e ->
        e.setCommandResult(
            CommandResult.newBuilder().setCommandId(commandId).setStatus(status).setDetail("x"));
  }

  static Consumer<Envelope.Builder> door(DoorContact.State state, boolean forced, boolean tamper) {
    return e ->
        e.setDoorContact(
            DoorContact.newBuilder().setState(state).setForced(forced).setTamper(tamper));
  }

  static Consumer<Envelope.Builder> motion(int count) {
    return e -> e.setMotion(Motion.newBuilder().setCount(count).setIntervalS(60));
  }

  static Consumer<Envelope.Builder> battery(int percent) {
    return e -> e.setHeartbeat(Heartbeat.newBuilder().setBatteryPercent(percent).setFirmware("1"));
  }

  static Consumer<Envelope.Builder> heartbeat() {
    return e -> e.setHeartbeat(Heartbeat.newBuilder().setMainsPowered(true).setFirmware("1"));
  }

  static Consumer<Envelope.Builder> spo2(float percent) {
    return health(h -> h.setSpo2Percent(percent));
  }

  static Consumer<Envelope.Builder> heartRate(float bpm) {
    return health(h -> h.setHeartRateBpm(bpm));
  }

  static Consumer<Envelope.Builder> ecg(HealthReading.EcgRhythm rhythm) {
    return health(h -> h.setEcgRhythm(rhythm));
  }

  static Consumer<Envelope.Builder> health(Consumer<HealthReading.Builder> reading) {
    return e -> {
      HealthReading.Builder h = HealthReading.newBuilder().setQuality(HealthReading.Quality.GOOD);
      reading.accept(h);
      e.setHealth(h);
    };
  }
}
