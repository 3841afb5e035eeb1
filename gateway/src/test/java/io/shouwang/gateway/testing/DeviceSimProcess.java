package io.shouwang.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The device simulator's jar, run as its own process: the real devices of the end-to-end tests.
 * The reactor builds device-sim before the gateway, so the jar is there when these tests run.
 */
public final class DeviceSimProcess {

  static final Path JAR = Path.of("../device-sim/target/shouwang-device-sim.jar");

  private DeviceSimProcess() {}

  /** Starts {@code device-sim <args>}, its output going to {@code log}. */
  public static Process start(Path log, String... args) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build device-sim first"
          + " (./mvnw -B verify builds it before the gateway)");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
