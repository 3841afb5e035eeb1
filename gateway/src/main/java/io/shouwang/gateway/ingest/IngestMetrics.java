package io.shouwang.gateway.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.Envelope.PayloadCase;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The ingest path's meters, created once so the hot path does no registry look-ups. */
final class IngestMetrics {

  private final Map<MessageClass, Counter> received = new EnumMap<>(MessageClass.class);
  private final Map<PayloadCase, Counter> accepted = new EnumMap<>(PayloadCase.class);
  private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
  private final Map<MessageClass, Timer> ingestToSafe = new EnumMap<>(MessageClass.class);
  private final Counter clockSkewed;
  private final Counter misrouted;
  private final Counter notSafe;

  IngestMetrics(MeterRegistry registry) {
    for (MessageClass c : MessageClass.values()) {
      received.put(c, Counter.builder("shouwang.ingest.messages")
          .description("Messages received from the broker, by delivery class")
          .tag("class", c.topicSegment()).register(registry));
      ingestToSafe.put(c, Timer.builder("shouwang.ingest.to.write")
          .description("From arrival at the gateway to the point stored or spooled")
          .tag("class", c.topicSegment())
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofSeconds(60))
          .register(registry));
    }
    for (PayloadCase p : PayloadCase.values()) {
      accepted.put(p, Counter.builder("shouwang.ingest.accepted")
          .description("Messages accepted, by payload kind")
          .tag("kind", p.name().toLowerCase(Locale.ROOT)).register(registry));
    }
    for (RejectReason r : RejectReason.values()) {
      rejected.put(r, Counter.builder("shouwang.ingest.rejected")
          .description("Messages refused, by reason")
          .tag("reason", r.label()).register(registry));
    }
    clockSkewed = Counter.builder("shouwang.ingest.clock.skewed")
        .description("Messages stored with receive time because the device clock was off")
        .register(registry);
    misrouted = Counter.builder("shouwang.ingest.misrouted")
        .description("Event payloads that arrived on a telemetry topic and were moved to the event lane")
        .register(registry);
    notSafe = Counter.builder("shouwang.ingest.not.safe")
        .description("Messages neither stored nor spooled; left unacknowledged for redelivery")
        .register(registry);
  }

  void received(MessageClass messageClass) {
    received.get(messageClass).increment();
  }

  void accepted(AcceptedMessage message) {
    accepted.get(message.envelope().getPayloadCase()).increment();
    if (message.clockSkewed()) {
      clockSkewed.increment();
    }
  }

  void rejected(RejectReason reason) {
    rejected.get(reason).increment();
  }

  void misrouted() {
    misrouted.increment();
  }

  void notSafe() {
    notSafe.increment();
  }

  void safe(MessageClass messageClass, long receivedNanos) {
    ingestToSafe.get(messageClass).record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
  }
}
