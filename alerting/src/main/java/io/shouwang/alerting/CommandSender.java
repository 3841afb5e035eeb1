package io.shouwang.alerting;

import com.google.protobuf.Timestamp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.config.DispatchSettings;
import io.shouwang.alerting.incident.Actions;
import io.shouwang.alerting.incident.IncidentRecorder;
import io.shouwang.alerting.incident.OpenIncident;
import io.shouwang.alerting.incident.ResidentFeedback;
import io.shouwang.alerting.incident.OpenIncidents;
import io.shouwang.registry.Device;
import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.PlacedHousehold;
import io.shouwang.registry.Registry;
import io.shouwang.schemas.v1.ButtonFeedback;
import io.shouwang.schemas.v1.Command;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends device commands (valve close from rules, "help is coming" to the resident's button) with
 * a timeout and retries, and writes the outcome on the household's open incident. Engine thread.
 */
final class CommandSender {

  private static final Logger LOG = LoggerFactory.getLogger(CommandSender.class);
  private static final Duration FEEDBACK_LIFETIME = Duration.ofMinutes(10);

  /** A command on its way; {@code incidentId} is the incident it belongs to, when known. */
  private record Job(DeviceCommand command, String incidentId, Promise<Void> firstAttempt) {}

  private final DeviceCommandSink sink;
  private final Registry registry;
  private final OpenIncidents incidents;
  private final IncidentRecorder recorder;
  private final DispatchSettings settings;
  private final Scheduler scheduler;
  private final Executor loop;
  private final Clock clock;
  private final Counter sent;
  private final Counter failed;

  CommandSender(DeviceCommandSink sink, Registry registry, OpenIncidents incidents,
      IncidentRecorder recorder, DispatchSettings settings, Scheduler scheduler, Executor loop,
      Clock clock, MeterRegistry meters) {
    this.sink = sink;
    this.registry = registry;
    this.incidents = incidents;
    this.recorder = recorder;
    this.settings = settings;
    this.scheduler = scheduler;
    this.loop = loop;
    this.clock = clock;
    this.sent = Counter.builder("shouwang.alerting.commands").tag("status", "sent")
        .register(meters);
    this.failed = Counter.builder("shouwang.alerting.commands").tag("status", "failed")
        .register(meters);
  }

  /**
   * Sends a rule's command. Completes after the first attempt, whatever its outcome: the message
   * that caused it is then acknowledged only once the command has left (or visibly failed), and
   * retries go on in the background.
   */
  Future<Void> send(DeviceCommand command) {
    Job job = new Job(command, null, Promise.promise());
    attempt(job, 1);
    return job.firstAttempt().future();
  }

  /** The resident's buttons, told as people respond (see {@link ResidentFeedback}). */
  ResidentFeedback residentFeedback() {
    return new ResidentFeedback() {
      @Override
      public void accepted(OpenIncident incident) {
        long acceptances = incident.snapshot().timeline().stream()
            .filter(e -> Actions.ACCEPTED.equals(e.action())).count();
        buttons(incident, ButtonFeedback.Signal.HELP_COMING, "help-coming/" + acceptances,
            "已有人接单，马上就到。", "Help is on the way.");
      }

      @Override
      public void onSite(OpenIncident incident) {
        buttons(incident, ButtonFeedback.Signal.RESPONDER_ON_SITE, "on-site",
            "工作人员已到，请开门。", "Someone is at your door.");
      }

      @Override
      public void closed(OpenIncident incident) {
        // Only what the resident was told about: a button press, or help that was coming.
        if (incident.cause() == Cause.EMERGENCY_BUTTON || incident.acceptedBy() != null) {
          buttons(incident, ButtonFeedback.Signal.CANCELLED, "closed", "呼叫已结束。",
              "The call is closed.");
        }
      }
    };
  }

  /** Sends one feedback signal to every emergency button of the incident's household. */
  private void buttons(OpenIncident incident, ButtonFeedback.Signal signal, String step,
      String spokenZh, String spokenEn) {
    PlacedHousehold place = registry.placedHousehold(incident.householdId()).orElse(null);
    if (place == null) {
      return;
    }
    Instant now = clock.instant();
    boolean english = !place.household().residents().isEmpty()
        && "en".equals(place.household().residents().get(0).language());
    for (Device device : place.household().devices()) {
      if (device.kind() != DeviceKind.EMERGENCY_BUTTON) {
        continue;
      }
      // Deterministic id: a re-send after a restart is recognisably the same command.
      Command command = Command.newBuilder()
          .setCommandId(incident.id() + "/" + step + "/" + device.id())
          .setDeviceId(device.id())
          .setIssuedAt(timestamp(now))
          .setExpiresAt(timestamp(now.plus(FEEDBACK_LIFETIME)))
          .setButtonFeedback(ButtonFeedback.newBuilder()
              .setSignal(signal).setSpokenText(english ? spokenEn : spokenZh))
          .build();
      attempt(new Job(new DeviceCommand(device.id(), command), incident.id(), Promise.promise()),
          1);
    }
  }

  private void attempt(Job job, int attempt) {
    AtomicBoolean settled = new AtomicBoolean();
    Scheduler.Cancellable timeout = scheduler.schedule(settings.timeout(), () -> loop.execute(
        () -> {
          if (settled.compareAndSet(false, true)) {
            failedAttempt(job, attempt, "timed out");
          }
        }));
    Future<Void> result;
    try {
      result = sink.send(job.command());
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> loop.execute(() -> {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      timeout.cancel();
      if (ar.succeeded()) {
        sent.increment();
        note(job, Actions.COMMAND_SENT, describe(job.command()) + " (attempt " + attempt + ")");
        job.firstAttempt().tryComplete();
      } else {
        failedAttempt(job, attempt, ar.cause().getClass().getSimpleName());
      }
    }));
  }

  private void failedAttempt(Job job, int attempt, String error) {
    job.firstAttempt().tryComplete();
    Command command = job.command().command();
    Instant expires = Instant.ofEpochSecond(command.getExpiresAt().getSeconds());
    boolean expired = command.hasExpiresAt() && !clock.instant().isBefore(expires);
    if (attempt < settings.maxAttempts() && !expired) {
      scheduler.schedule(settings.jitteredBackoffAfter(attempt,
          java.util.concurrent.ThreadLocalRandom.current().nextDouble()),
          () -> loop.execute(() -> attempt(job, attempt + 1)));
      return;
    }
    failed.increment();
    LOG.warn("command {} to {} failed after {} attempts: {}", command.getCommandId(),
        job.command().deviceId(), attempt, error);
    note(job, Actions.COMMAND_FAILED, describe(job.command()) + ": " + error + " (" + attempt
        + " attempts)");
  }

  /** Writes on the job's incident, else on the household's most recently opened one, if any. */
  private void note(Job job, String action, String detail) {
    OpenIncident incident = job.incidentId() == null ? null : incidents.open(job.incidentId());
    if (incident == null) {
      String householdId = registry.device(job.command().deviceId())
          .map(d -> d.household().id()).orElse(null);
      List<OpenIncident> open =
          householdId == null ? List.of() : incidents.household(householdId);
      incident = open.isEmpty() ? null : open.get(open.size() - 1);
    }
    if (incident != null) {
      incident.record(clock.instant(), Actions.SYSTEM, action, detail, null);
      recorder.changed(incident);
    }
  }

  private static String describe(DeviceCommand command) {
    Command c = command.command();
    String what = switch (c.getActionCase()) {
      case VALVE -> "valve " + c.getValve().getAction();
      case BUTTON_FEEDBACK -> "button " + c.getButtonFeedback().getSignal();
      default -> "command";
    };
    return what + " to " + command.deviceId() + " (" + c.getCommandId() + ")";
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
