package io.shouwang.sim.scenario;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.sim.device.Outgoing;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Prints a scenario's story on the terminal: each step and each message sent, with the time since
 * the start. Simulated readings appear here on purpose; the log files never carry them.
 */
public final class StepLog {

  private static final TextFormat.Printer ONE_LINE = TextFormat.printer().emittingSingleLine(true);

  private final PrintWriter out;
  private final Clock clock;
  private final Instant start;

  /** Prints to {@code out}, timing steps with {@code clock}. */
  public StepLog(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
    this.start = clock.instant();
  }

  /** A step of the story. */
  public void step(String text) {
    print("  " + text);
  }

  /** A message the simulator published. */
  public void sent(Outgoing message) {
    if (message == null) {
      return; // the device is silenced: nothing went out
    }
    Envelope e = message.envelope();
    print(
        "→ %s #%d %s %s"
            .formatted(
                message.topic().path(),
                e.getSeq(),
                e.getPayloadCase().name().toLowerCase(Locale.ROOT),
                describe(e)));
  }

  /**
   * The payload of an envelope on one line, e.g. {@code event: ALARM obscuration_pct_per_m: 3.5}.
   */
  static String describe(Envelope envelope) {
    if (envelope.getPayloadCase() == Envelope.PayloadCase.PAYLOAD_NOT_SET) {
      return "(no payload)";
    }
    FieldDescriptor field =
        Envelope.getDescriptor().findFieldByNumber(envelope.getPayloadCase().getNumber());
    return "{" + ONE_LINE.printToString((Message) envelope.getField(field)).trim() + "}";
  }

  private synchronized void print(String line) {
    Duration elapsed = Duration.between(start, clock.instant());
    out.printf("%7.1fs %s%n", elapsed.toMillis() / 1000.0, line);
    out.flush();
  }
}
