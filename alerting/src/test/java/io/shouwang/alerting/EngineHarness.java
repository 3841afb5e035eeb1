package io.shouwang.alerting;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.rules.Rule;
import io.shouwang.alerting.store.IncidentStore;
import io.shouwang.alerting.testing.FakeChannel;
import io.shouwang.alerting.testing.FakeCommandSink;
import io.shouwang.alerting.testing.FakeRules;
import io.shouwang.alerting.testing.ManualScheduler;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** An engine with fake channels, a fake command sink and a driven clock. */
final class EngineHarness {

  static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  final Vertx vertx;
  final MutableClock clock;
  final ManualScheduler scheduler;
  final Registry registry;
  final IncidentStore store;
  final Map<String, FakeChannel> channels = new LinkedHashMap<>();
  final FakeCommandSink commands = new FakeCommandSink();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<Incident> changes = new CopyOnWriteArrayList<>();
  final AlertEngine engine;

  EngineHarness(Vertx vertx, Registry registry, AlertingConfig config, IncidentStore store,
      MutableClock clock, List<Rule> rules) {
    this.vertx = vertx;
    this.registry = registry;
    this.store = store;
    this.clock = clock;
    this.scheduler = new ManualScheduler(clock);
    for (String name : List.of("sms", "webhook", "dashboard", "email")) {
      channels.put(name, new FakeChannel(name, clock));
    }
    this.engine = new AlertEngine(vertx, registry, config, rules, store,
        new ArrayList<NotificationChannel>(channels.values()), commands, clock, meters,
        scheduler);
    engine.addListener(changes::add);
  }

  EngineHarness(Vertx vertx, Registry registry, AlertingConfig config, IncidentStore store,
      MutableClock clock) {
    this(vertx, registry, config, store, clock, List.of(FakeRules.press(), FakeRules.smoke()));
  }

  EngineHarness start() {
    await(engine.start());
    scheduler.settleWith(this::settle);
    settle();
    return this;
  }

  void stop() {
    await(engine.stop());
  }

  /**
   * Lets every chain of engine tasks run out: done when a barrier was the only task the engine
   * ran, i.e. nothing was queued ahead of it and nothing queued more work meanwhile.
   */
  void settle() {
    for (int i = 0; i < 100_000; i++) {
      long before = engine.tasksRun();
      await(engine.barrier());
      if (engine.tasksRun() - before <= 1) {
        return;
      }
    }
    throw new AssertionError("the engine never went quiet");
  }

  void advance(Duration by) {
    scheduler.advance(by);
  }

  Future<Void> send(DeviceMessage message) {
    return engine.onMessage(message);
  }

  /** Sends a message, waits until it is durable, then lets the engine settle. */
  void deliver(DeviceMessage message) {
    await(send(message));
    settle();
  }

  FakeChannel channel(String name) {
    return channels.get(name);
  }

  /** Every page sent at least once, over all channels. */
  List<Page> pages() {
    List<Page> pages = new ArrayList<>();
    channels.values().forEach(c -> pages.addAll(c.pages()));
    return pages;
  }

  /** Recipients of pages of one step and round, over all channels, without repeats. */
  List<String> recipientsOf(int step, int round) {
    return pages().stream()
        .filter(p -> p.data().get("step").equals(Integer.toString(step))
            && p.data().get("round").equals(Integer.toString(round)))
        .map(p -> p.recipient().id()).distinct().sorted().toList();
  }

  Incident only() {
    List<Incident> open = engine.openIncidents();
    if (open.size() != 1) {
      throw new AssertionError("expected one open incident, found " + open.size());
    }
    return open.get(0);
  }

  Incident incident(String id) {
    return await(engine.incident(id)).orElseThrow();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError("future did not complete", e);
    }
  }
}
