package io.shouwang.sim.load;

import java.util.Map;

/** The outcome of a load run, as printed and as written to {@code --summary-json}. */
public record LoadSummary(
    double durationSeconds,
    int devices,
    int connections,
    int qos,
    double targetRate,
    long sent,
    long acked,
    long errorsTotal,
    Map<String, Long> errors,
    long windowFullRetries,
    long notCompleted,
    double avgSentPerSecond,
    double avgAckedPerSecond,
    long peakSentPerSecond,
    long peakAckedPerSecond) {

  /** The summary as a few lines for the terminal. */
  public String text() {
    return """
    load summary: %.1f s, %d devices over %d connections, QoS %d, target %s
      sent %d, acked %d, errors %d %s, not completed %d
      rate: avg %.0f sent/s (%.0f acked/s), peak %d sent/s (%d acked/s)
      window full (Paho 32202), waited and retried: %d\
    """
        .formatted(
            durationSeconds,
            devices,
            connections,
            qos,
            targetRate == 0 ? "max rate" : String.format("%.0f msg/s", targetRate),
            sent,
            acked,
            errorsTotal,
            errors,
            notCompleted,
            avgSentPerSecond,
            avgAckedPerSecond,
            peakSentPerSecond,
            peakAckedPerSecond,
            windowFullRetries);
  }
}
