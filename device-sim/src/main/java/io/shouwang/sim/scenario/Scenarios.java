package io.shouwang.sim.scenario;

import java.util.List;
import java.util.Optional;

/** The scenarios the {@code scenario} command can play. */
public final class Scenarios {

  /** Every scenario name, in the order the help lists them. */
  public static final List<String> NAMES =
      List.of(
          "press",
          "smoke",
          "gas-leak",
          "gas-leak-stuck-valve",
          "abnormal-vitals",
          "silent-device",
          "malformed-burst");

  private Scenarios() {}

  /** A fresh instance of the named scenario. */
  public static Optional<Scenario> named(String name) {
    return Optional.ofNullable(
        switch (name) {
          case "press" -> new PressScenario();
          case "smoke" -> new SmokeScenario();
          case "gas-leak" -> new GasLeakScenario(false);
          case "gas-leak-stuck-valve" -> new GasLeakScenario(true);
          case "abnormal-vitals" -> new AbnormalVitalsScenario();
          case "silent-device" -> new SilentDeviceScenario();
          case "malformed-burst" -> new MalformedBurstScenario();
          default -> null;
        });
  }
}
