package io.shouwang.gateway.ingest;

import io.shouwang.gateway.storage.DeviceTags;
import io.shouwang.gateway.storage.PointMapper;
import io.shouwang.gateway.storage.PointWriter;
import io.shouwang.registry.PlacedDevice;
import io.shouwang.schemas.v1.Envelope;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * Processes one lane's messages in arrival order: validate, hand events to the alert path, store,
 * and acknowledge to the broker only once the point is stored or spooled.
 */
final class MessageProcessor {

  private final Lane lane;
  private final MessageValidator validator;
  private final DuplicateFilter duplicates;
  private final PointWriter writer;
  private final IngestMetrics metrics;
  private final DeadLetters deadLetters;
  private final Clock clock;
  private final AlertPath alertPath;
  private final MessageProcessor eventLane;

  /**
   * @param eventLane where event payloads found on this lane are moved; null on the event lane
   * @param alertPath where every accepted message goes besides storage (the alert engine)
   */
  MessageProcessor(
      Lane lane,
      MessageValidator validator,
      int dedupWindow,
      PointWriter writer,
      IngestMetrics metrics,
      DeadLetters deadLetters,
      Clock clock,
      AlertPath alertPath,
      MessageProcessor eventLane) {
    this.lane = lane;
    this.validator = validator;
    this.duplicates = new DuplicateFilter(dedupWindow);
    this.writer = writer;
    this.metrics = metrics;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.alertPath = alertPath;
    this.eventLane = eventLane;
  }

  Lane lane() {
    return lane;
  }

  /** Runs on this lane's context. */
  void process(InboundMessage message) {
    Verdict verdict = validator.validate(message, duplicates);
    if (verdict instanceof Rejection rejection) {
      refuse(message, rejection);
      return;
    }
    AcceptedMessage accepted = (AcceptedMessage) verdict;
    metrics.accepted(accepted);
    if (eventLane != null && PayloadRules.belongsOnEventLane(accepted.envelope())) {
      // Counted on this lane until the event lane finishes it, then released here.
      metrics.misrouted();
      eventLane.lane.continueWith(() -> eventLane.store(accepted, message, lane, duplicates));
      return;
    }
    store(accepted, message, lane, duplicates);
  }

  private void refuse(InboundMessage message, Rejection rejection) {
    metrics.rejected(rejection.reason());
    deadLetters.record(
        clock.instant(),
        message.deviceKey(),
        message.topic(),
        rejection.reason().label(),
        rejection.detail(),
        message.payload());
    // A refused message would be refused again: acknowledge it so the broker lets it go.
    message.ack();
    lane.done();
  }

  /**
   * Alert path and point in parallel (the alert path has its own durability and must not wait on
   * the time-series write); acknowledged when both are safe. {@code owner} is the lane that
   * counted the message and keeps its duplicate window.
   */
  private void store(
      AcceptedMessage accepted, InboundMessage message, Lane owner, DuplicateFilter ownerDuplicates) {
    Future<Void> alerted = alertPath.onMessage(accepted);
    Future<Void> stored =
        PointMapper.toLine(
                accepted.envelope(), tags(accepted.device()), accepted.timestamp(),
                accepted.clockSkewed())
            .map(writer::write)
            .orElseGet(Future::succeededFuture);
    Future.all(alerted, stored).onComplete(safe -> {
      if (safe.succeeded()) {
        message.ack();
        metrics.safe(accepted.messageClass(), accepted.receivedNanos());
      } else {
        metrics.notSafe();
        Envelope e = accepted.envelope();
        owner.continueWith(() -> ownerDuplicates.forget(e.getDeviceId(), e.getBootId(), e.getSeq()));
        message.redeliverLater();
      }
      owner.done();
    });
  }

  private static DeviceTags tags(PlacedDevice placed) {
    return new DeviceTags(
        placed.community().id(),
        placed.grid().id(),
        placed.household().id(),
        placed.device().kind().yamlName(),
        placed.device().id());
  }
}
