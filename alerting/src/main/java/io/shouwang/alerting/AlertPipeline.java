package io.shouwang.alerting;

import io.shouwang.alerting.incident.IncidentStage;
import io.shouwang.alerting.notify.HandoffTiming;
import io.shouwang.alerting.rules.Restart;
import io.shouwang.alerting.rules.RuleOutput;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert path in its fixed order: rules, then the incident stage (raise, dedup, attach), which
 * hands new and worsening incidents to the escalation stage, which fans pages out per channel
 * [queue, retry with backoff, record]. Device commands from rules go to the command sender.
 */
final class AlertPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(AlertPipeline.class);

  private final RuleStage rules;
  private final IncidentStage incidents;
  private final CommandSender commands;
  private final HandoffTiming timing;

  AlertPipeline(RuleStage rules, IncidentStage incidents, CommandSender commands,
      HandoffTiming timing) {
    this.rules = rules;
    this.incidents = incidents;
    this.commands = commands;
    this.timing = timing;
  }

  /** Completes when everything the message caused is durable. */
  Future<Void> onMessage(DeviceMessage message) {
    return timing.during(message.receivedAt(), message.timestamp(),
        () -> handle(rules.onMessage(message)));
  }

  /**
   * After a restart: lets the rules pick up where they were (re-arm a gas valve closure) and sends
   * the commands they ask for again. Pages nothing: the reloaded incidents escalate on their own.
   */
  void resume(Restart restart) {
    // The sender retries and writes each outcome on the household's incident by itself.
    rules.resume(restart).forEach(commands::send);
  }

  void onTick(Instant now) {
    handle(rules.onTick(now)).onFailure(e -> LOG.warn("recording a timed signal failed", e));
  }

  private Future<Void> handle(RuleOutput output) {
    if (output.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<Void>> done = new ArrayList<>();
    for (Signal signal : output.signals()) {
      if (signal.kind() == null || signal.householdId() == null || signal.cause() == null) {
        LOG.warn("incomplete signal from a rule ignored (message {})", signal.messageKey());
        continue;
      }
      done.add(incidents.apply(signal));
    }
    for (DeviceCommand command : output.commands()) {
      done.add(commands.send(command));
    }
    return Future.all(done).mapEmpty();
  }
}
