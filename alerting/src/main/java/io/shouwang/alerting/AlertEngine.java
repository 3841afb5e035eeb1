package io.shouwang.alerting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.escalation.DeliveryTracker;
import io.shouwang.alerting.escalation.EscalationStage;
import io.shouwang.alerting.incident.IncidentRecorder;
import io.shouwang.alerting.incident.IncidentStage;
import io.shouwang.alerting.incident.OpenIncident;
import io.shouwang.alerting.incident.OpenIncidents;
import io.shouwang.alerting.incident.Responders;
import io.shouwang.alerting.notify.Dispatcher;
import io.shouwang.alerting.notify.HandoffTiming;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.PageComposer;
import io.shouwang.alerting.rules.Restart;
import io.shouwang.alerting.rules.Rule;
import io.shouwang.alerting.rules.RuleState;
import io.shouwang.alerting.store.IncidentStore;
import io.shouwang.registry.Registry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns device messages into incidents that escalate until someone is on site. All state lives on
 * one engine context (one thread of its own), so stages need no locks; callers on other threads
 * get futures. ALERTING.md describes the lifecycle, escalation, dispatch and durability.
 */
public final class AlertEngine {

  /**
   * The worker pool of the engine's one thread. A caller that deploys its own event handling on
   * this pool (the gateway's event lane) hands events to the engine without waking another thread.
   */
  public static final String THREAD_POOL = EngineVerticle.THREAD_POOL;

  private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
  private static final Duration TICK = Duration.ofSeconds(1);
  private static final Duration REMEMBER_CLOSED = Duration.ofDays(1);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final IncidentStore store;
  private final Clock clock;
  private final Scheduler scheduler;
  private final OpenIncidents incidents = new OpenIncidents();
  private final IncidentRecorder recorder;
  private final EscalationStage escalation;
  // Set right after the dispatcher that reports to it: the two refer to each other.
  private DeliveryTracker tracker;
  private final Responders responders;
  private final AlertPipeline pipeline;
  private final MessageIntake intake;
  private final StateSaver savedState;
  private volatile Context context;
  private volatile String deploymentId;
  private volatile boolean running;
  // Written by the engine thread only; read by tests to tell when the engine has gone quiet.
  private volatile long tasksRun;
  private Scheduler.Cancellable tick;

  /** The production engine: Vert.x timers drive escalation, retries and the rules' tick. */
  public AlertEngine(Vertx vertx, Registry registry, AlertingConfig config, List<Rule> rules,
      IncidentStore store, List<NotificationChannel> channels, DeviceCommandSink commands,
      Clock clock, MeterRegistry meters) {
    this(vertx, registry, config, rules, store, channels, commands, clock, meters,
        new VertxScheduler(vertx));
  }

  /** An engine whose timers come from {@code scheduler} (tests drive it with their clock). */
  AlertEngine(Vertx vertx, Registry registry, AlertingConfig config, List<Rule> rules,
      IncidentStore store, List<NotificationChannel> channels, DeviceCommandSink commands,
      Clock clock, MeterRegistry meters, Scheduler scheduler) {
    this.vertx = vertx;
    this.store = store;
    // Millisecond instants: what the store keeps is exactly what the engine saw.
    this.clock = Clock.tick(clock, Duration.ofMillis(1));
    this.scheduler = scheduler;
    Executor loop = this::runOnEngine;
    this.recorder = new IncidentRecorder(store, scheduler, loop, meters);
    // The unticked clock: hand-offs take well under a millisecond.
    HandoffTiming timing = new HandoffTiming(clock, meters);
    Dispatcher dispatcher = new Dispatcher(channels, config.dispatch(), scheduler, loop,
        report -> this.tracker.delivered(report), timing, meters);
    this.escalation = new EscalationStage(config, registry, incidents, recorder, dispatcher,
        new PageComposer(config, this.clock), scheduler, loop, this.clock);
    this.tracker = new DeliveryTracker(incidents, escalation, recorder, this.clock, meters);
    CommandSender commandSender = new CommandSender(commands, registry, incidents, recorder,
        config.dispatch(), scheduler, loop, this.clock, meters);
    this.responders =
        new Responders(incidents, escalation, recorder, this.clock, commandSender.residentFeedback());
    IncidentStage stage =
        new IncidentStage(registry, config, incidents, escalation, recorder, this.clock, meters);
    this.pipeline = new AlertPipeline(new RuleStage(rules, meters), stage, commandSender,
        timing);
    LastSeenTracker lastSeen = new LastSeenTracker();
    List<RuleState> ruleStates = rules.stream().flatMap(r -> r.state().stream()).toList();
    this.savedState = new StateSaver(store.savedState(), lastSeen, ruleStates, scheduler, loop,
        config.lastSeenSaveInterval(), meters);
    this.intake = new MessageIntake(loop, config.telemetryQueueCapacity(), message -> {
      lastSeen.heard(message.envelope().getDeviceId(), message.receivedAt());
      return pipeline.onMessage(message);
    }, meters);
    Gauge.builder("shouwang.alerting.incidents.open", recorder, r -> r.openSnapshots().size())
        .strongReference(true).register(meters);
    for (NotificationChannel channel : channels) {
      LOG.info("alert engine pages over channel {}", channel.name());
    }
  }

  /**
   * Opens the store, reloads open incidents and resumes their escalation, lets the rules pick up
   * where they were (devices' last-heard times, their saved state, gas valves still closing),
   * starts the 1 s tick.
   */
  public Future<Void> start() {
    EngineVerticle verticle = new EngineVerticle();
    return vertx.deployVerticle(verticle, EngineVerticle.deployment())
        .compose(id -> {
          deploymentId = id;
          context = verticle.engineContext();
          return store.open();
        })
        .compose(v -> store.closedSince(clock.instant().minus(REMEMBER_CLOSED)))
        .compose(closed -> store.loadOpen().compose(open -> savedState.open().compose(saved ->
            onEngine(() -> {
              closed.forEach(incidents::rememberClosed);
              for (Incident snapshot : open) {
                OpenIncident incident = OpenIncident.restore(snapshot);
                incidents.add(incident);
                escalation.resume(incident);
                recorder.changed(incident);
              }
              pipeline.resume(
                  new Restart(clock.instant(), open, saved.lastSeen(), saved.ruleState()));
              running = true;
              scheduleTick();
              savedState.startSaving();
              LOG.info("alert engine started: {} open incidents resumed, last-heard times of {}"
                  + " devices and {} rule state entries loaded", open.size(),
                  saved.lastSeen().size(), saved.ruleEntries());
              return Future.<Void>succeededFuture();
            }))))
        .recover(e -> {
          LOG.error("alert engine failed to start", e);
          String id = deploymentId;
          Future<Void> undeployed = id == null ? Future.succeededFuture() : vertx.undeploy(id);
          return undeployed.transform(x -> Future.failedFuture(e));
        });
  }

  /** Stops taking messages, waits for pending writes, closes the store. */
  public Future<Void> stop() {
    if (context == null) {
      return Future.succeededFuture();
    }
    running = false;
    // The engine's thread goes away with its deployment, and a future bound to its context would
    // never complete: undeploy from the caller's context, and answer on a promise bound to none.
    Context caller = vertx.getOrCreateContext();
    Promise<Void> stopped = Promise.promise();
    onEngine(() -> {
      if (tick != null) {
        tick.cancel();
      }
      escalation.stopAll();
      // A store that cannot write any more must not keep the process from stopping.
      return Future.join(recorder.drain(), savedState.stopSaving()).<Void>mapEmpty()
          .timeout(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }).eventually(savedState::close).eventually(store::close)
        .onComplete(outcome -> caller.runOnContext(
        v -> vertx.undeploy(deploymentId).onComplete(undeployed -> stopped.handle(outcome))));
    return stopped.future();
  }

  /**
   * Every accepted device message (events and telemetry); thread-safe and never blocks. Completes
   * when everything the message caused is durably recorded, at once when it caused nothing.
   */
  public Future<Void> onMessage(DeviceMessage message) {
    if (!running) {
      return Future.failedFuture(new IllegalStateException("alert engine is not running"));
    }
    return intake.offer(message);
  }

  /** A responder accepts ("on my way") with an ETA. */
  public Future<Incident> accept(String incidentId, String actorId, Duration eta) {
    return onEngine(() -> responders.accept(incidentId, actorId, eta));
  }

  /** A responder confirms being at the home. */
  public Future<Incident> onSite(String incidentId, String actorId) {
    return onEngine(() -> responders.onSite(incidentId, actorId));
  }

  /** Closes an incident on site with an outcome and a note. */
  public Future<Incident> resolve(String incidentId, String actorId, String outcome,
      String note) {
    return onEngine(() -> responders.resolve(incidentId, actorId, outcome, note));
  }

  /** Closes an incident as a false alarm. */
  public Future<Incident> cancel(String incidentId, String actorId, String reason) {
    return onEngine(() -> responders.cancel(incidentId, actorId, reason));
  }

  /** Names who should go; escalation continues until someone accepts. */
  public Future<Incident> assign(String incidentId, String actorId, String assigneeId) {
    return onEngine(() -> responders.assign(incidentId, actorId, assigneeId));
  }

  /** A snapshot of every open incident, oldest first. */
  public List<Incident> openIncidents() {
    return recorder.openSnapshots();
  }

  /** One incident, open or closed (closed ones come from the store). */
  public Future<Optional<Incident>> incident(String incidentId) {
    return onEngine(() -> {
      OpenIncident live = incidents.byId(incidentId);
      return live != null ? Future.succeededFuture(Optional.of(live.snapshot()))
          : store.find(incidentId);
    });
  }

  /** Incidents closed since {@code since}, most recently closed first, at most {@code limit}. */
  public Future<List<Incident>> recentlyClosed(Instant since, int limit) {
    return store.recentlyClosed(since, limit);
  }

  /** Called on the engine's thread after every incident change; must not block. */
  public void addListener(IncidentListener listener) {
    recorder.addListener(listener);
  }

  /** Completes once every task queued on the engine before it has run (for tests). */
  Future<Void> barrier() {
    return onEngine(Future::succeededFuture);
  }

  /** Tasks the engine thread has run so far (for tests). */
  long tasksRun() {
    return tasksRun;
  }

  private void scheduleTick() {
    tick = scheduler.schedule(TICK, () -> runOnEngine(() -> {
      if (running) {
        pipeline.onTick(clock.instant());
        scheduleTick();
      }
    }));
  }

  private void runOnEngine(Runnable task) {
    Context engine = context;
    if (engine == null) {
      throw new IllegalStateException("alert engine is not started");
    }
    engine.runOnContext(v -> {
      tasksRun++;
      task.run();
    });
  }

  private <T> Future<T> onEngine(Supplier<Future<T>> action) {
    Context engine = context;
    if (engine == null) {
      return Future.failedFuture(new IllegalStateException("alert engine is not started"));
    }
    Promise<T> promise = Promise.promise();
    engine.runOnContext(v -> {
      tasksRun++;
      try {
        action.get().onComplete(promise);
      } catch (RuntimeException e) {
        LOG.error("alert engine action failed", e);
        promise.fail(e);
      }
    });
    return promise.future();
  }

}
