package io.shouwang.sim.scenario;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.sim.device.DeviceLife;
import io.shouwang.sim.device.GasValveActor;
import io.shouwang.sim.device.Payloads;
import io.shouwang.sim.mqtt.ConnectionException;
import io.shouwang.sim.registry.DeviceKind;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gas builds up to an ALARM; the backend must send the valve CLOSE. An obedient valve closes and
 * the gas clears; a stuck one ignores the command or jams, and the gas stays.
 */
final class GasLeakScenario implements Scenario {

  private static final float[] RISING = {1.5f, 4.0f, 7.5f};
  private static final float ALARM_LEVEL = 12.0f;
  private static final float[] FALLING = {9.0f, 5.5f};
  private static final float[] STAYING = {14.0f, 16.5f};

  private final boolean stuck;
  private GasValveActor valve;

  GasLeakScenario(boolean stuck) {
    this.stuck = stuck;
  }

  @Override
  public String name() {
    return stuck ? "gas-leak-stuck-valve" : "gas-leak";
  }

  @Override
  public List<DeviceKind> needs() {
    return List.of(DeviceKind.GAS_DETECTOR, DeviceKind.GAS_VALVE);
  }

  @Override
  public void prepare(ScenarioContext c) throws ConnectionException {
    DeviceLife life = c.device(DeviceKind.GAS_VALVE);
    GasValveActor.Behaviour behaviour =
        stuck ? c.settings().stuckValve() : GasValveActor.Behaviour.OBEY;
    valve =
        new GasValveActor(
            life,
            c.fleet(),
            c.log()::step,
            c.fleet().scheduler(),
            c.settings().valveTravel(),
            behaviour);
    c.fleet().attach(life.device().id(), valve);
  }

  @Override
  public void play(ScenarioContext c) throws InterruptedException, ScenarioFailure {
    DeviceLife valveLife = c.device(DeviceKind.GAS_VALVE);
    c.log().step("gas leaking from the stove");
    for (float lel : RISING) {
      gas(c, MessageClass.TELEMETRY, GasDetector.Alarm.NORMAL, lel);
      c.pause();
    }
    gas(c, MessageClass.EVENT, GasDetector.Alarm.ALARM, ALARM_LEVEL);
    String commandTopic =
        new Topic(
                MessageClass.COMMAND, valveLife.device().id(), valveLife.device().spec().encoding())
            .path();
    c.log()
        .step(
            "waiting up to "
                + c.settings().commandTimeout().toSeconds()
                + "s for the backend's CLOSE on "
                + commandTopic
                + (stuck ? " (the valve is stuck: " + c.settings().stuckValve() + ")" : ""));
    GasValve.State settled = await(c);
    if (settled == GasValve.State.CLOSED) {
      c.log().step("valve closed: gas supply cut, the kitchen airs out");
      for (float lel : FALLING) {
        c.pause();
        gas(c, MessageClass.TELEMETRY, GasDetector.Alarm.ALARM, lel);
      }
      c.pause();
      gas(c, MessageClass.EVENT, GasDetector.Alarm.NORMAL, 3.0f);
      c.pause();
      gas(c, MessageClass.TELEMETRY, GasDetector.Alarm.NORMAL, 0.8f);
      return;
    }
    c.log()
        .step(
            "valve did not close ("
                + (settled == null ? "no report" : settled)
                + "): gas keeps rising");
    for (float lel : STAYING) {
      gas(c, MessageClass.TELEMETRY, GasDetector.Alarm.ALARM, lel);
      c.pause();
    }
    if (!stuck) {
      throw new ScenarioFailure(
          "the valve "
              + valveLife.device().id()
              + " received no CLOSE within "
              + c.settings().commandTimeout().toSeconds()
              + "s: is the gateway running?");
    }
  }

  private GasValve.State await(ScenarioContext c) throws InterruptedException {
    try {
      return valve.settled().get(c.settings().commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("valve actor failed", e.getCause());
    }
  }

  private static void gas(
      ScenarioContext c, MessageClass messageClass, GasDetector.Alarm alarm, float lel) {
    c.log().sent(c.send(DeviceKind.GAS_DETECTOR, messageClass, Payloads.gas(alarm, lel)));
  }
}
