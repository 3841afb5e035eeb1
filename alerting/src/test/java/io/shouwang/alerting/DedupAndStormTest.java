package io.shouwang.alerting;

import static io.shouwang.alerting.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.config.DispatchSettings;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.testing.FakeChannel;
import io.shouwang.alerting.testing.FakeRules;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DedupAndStormTest {

  private EngineHarness h;

  @AfterEach
  void stopEngine() {
    h.stop();
  }

  @Test
  void twoPressesOneMillisecondApartMakeOneIncidentAndOneSetOfPages(Vertx vertx)
      throws Exception {
    // GIVEN a running engine
    Registry registry = TestRegistry.households(3);
    h = new EngineHarness(vertx, registry, AlertingConfig.defaults(),
        new InMemoryIncidentStore(), new MutableClock(EngineHarness.T0)).start();
    DeviceMessage first = Messages.press(registry, "btn-0001", 1, EngineHarness.T0);
    DeviceMessage second =
        Messages.press(registry, "btn-0001", 2, EngineHarness.T0.plusMillis(1));

    // WHEN both arrive from two gateway threads at once
    CompletableFuture<Future<Void>> a = CompletableFuture.supplyAsync(() -> h.send(first));
    CompletableFuture<Future<Void>> b = CompletableFuture.supplyAsync(() -> h.send(second));
    await(a.get());
    await(b.get());
    h.settle();

    // THEN there is one incident with both signals, and every page went out exactly once
    Incident incident = h.only();
    assertThat(incident.attachCount()).isEqualTo(2);
    assertThat(incident.timeline()).extracting(TimelineEntry::action)
        .containsSubsequence("raised", "attached");
    for (FakeChannel channel : h.channels.values()) {
      assertThat(channel.attempts()).extracting(x -> x.page().idempotencyKey())
          .doesNotHaveDuplicates();
    }
    assertThat(h.pages()).hasSize(6);
    assertThat(h.pages()).extracting(Page::incidentId).containsOnly(incident.id());
  }

  @Test
  void redeliveredMessageIsNeitherAttachedNorPagedAgain(Vertx vertx) {
    // GIVEN an incident raised by a press
    Registry registry = TestRegistry.households(3);
    h = new EngineHarness(vertx, registry, AlertingConfig.defaults(),
        new InMemoryIncidentStore(), new MutableClock(EngineHarness.T0)).start();
    DeviceMessage press = Messages.press(registry, "btn-0001", 7, EngineHarness.T0);
    h.deliver(press);
    int attempts = h.pages().size();

    // WHEN the broker redelivers the same message
    h.deliver(press);

    // THEN nothing changes: same count, same pages
    assertThat(h.only().attachCount()).isEqualTo(1);
    assertThat(h.pages()).hasSize(attempts);
    assertThat(h.channels.values().stream().mapToInt(c -> c.attempts().size()).sum())
        .isEqualTo(attempts);
  }

  @Test
  void stormOf200HouseholdsSmokeMakes200IncidentsEachPagedOnce(Vertx vertx) {
    // GIVEN a building of 200 households
    Registry registry = TestRegistry.households(200);
    h = new EngineHarness(vertx, registry, AlertingConfig.defaults(),
        new InMemoryIncidentStore(), new MutableClock(EngineHarness.T0),
        List.of(FakeRules.smoke())).start();

    // WHEN every smoke alarm goes off three times
    List<Future<Void>> acks = new ArrayList<>();
    for (int repeat = 0; repeat < 3; repeat++) {
      for (int n = 1; n <= 200; n++) {
        acks.add(h.send(Messages.smoke(registry, TestRegistry.device("smk", n), repeat + 1,
            EngineHarness.T0.plusMillis(repeat))));
      }
    }
    acks.forEach(EngineHarness::await);
    h.settle();

    // THEN there are 200 fire incidents, each with its three signals attached
    List<Incident> open = h.engine.openIncidents();
    assertThat(open).hasSize(200);
    assertThat(open).extracting(Incident::cause).containsOnly(Cause.FIRE);
    assertThat(open).extracting(Incident::attachCount).containsOnly(3);
    assertThat(open).extracting(Incident::householdId).doesNotHaveDuplicates();
    // AND each incident's first step was paged once: 9 pages (desk 3, two caregivers 3 each)
    var perIncident = h.pages().stream()
        .collect(Collectors.groupingBy(Page::incidentId, Collectors.counting()));
    assertThat(perIncident).hasSize(200);
    assertThat(perIncident.values()).containsOnly(9L);
    int attempts = h.channels.values().stream().mapToInt(c -> c.attempts().size()).sum();
    assertThat(attempts).isEqualTo(1800);
    // AND nothing overflowed
    assertThat(h.meters.find("shouwang.alerting.page.queue.overflow").counters())
        .allSatisfy(c -> assertThat(c.count()).isZero());

    // WHEN another minute passes THEN each is escalated once more (step 2), not re-paged
    h.advance(Duration.ofSeconds(60));
    var step2 = h.pages().stream().filter(p -> p.data().get("step").equals("1"))
        .collect(Collectors.groupingBy(Page::incidentId, Collectors.counting()));
    assertThat(step2).hasSize(200);
    assertThat(h.pages().stream().filter(p -> p.data().get("step").equals("0")).count())
        .isEqualTo(1800);
    assertThat(h.pages()).extracting(Page::idempotencyKey).doesNotHaveDuplicates();
  }

  @Test
  void overflowingChannelQueueIsRecordedOnTheIncidentAndCounted(Vertx vertx) {
    // GIVEN a dashboard channel that never answers and holds at most 2 pages
    Registry registry = TestRegistry.households(3);
    AlertingConfig config = AlertingConfig.defaults();
    config = config.withDispatch(new DispatchSettings(2, 1,
        Duration.ofMinutes(5), 3, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0));
    h = new EngineHarness(vertx, registry, config, new InMemoryIncidentStore(),
        new MutableClock(EngineHarness.T0)).start();
    h.channel("dashboard").hanging();

    // WHEN one press pages two caregivers and a second household presses too
    h.deliver(Messages.press(registry, "btn-0001", 1, EngineHarness.T0));
    h.deliver(Messages.press(registry, "btn-0003", 1, EngineHarness.T0));

    // THEN the pages that did not fit are FAILED as overflow, on the timeline and counted
    Function<String, Incident> of = hh -> h.engine.openIncidents().stream()
        .filter(i -> i.householdId().equals(hh)).findFirst().orElseThrow();
    Incident second = of.apply("hh-0003");
    assertThat(second.pages()).filteredOn(p -> p.channel().equals("dashboard"))
        .allSatisfy(p -> {
          assertThat(p.status()).isEqualTo(DeliveryStatus.FAILED);
          assertThat(p.lastError()).contains("queue full");
        });
    assertThat(second.timeline()).extracting(TimelineEntry::action).contains("queue_overflow");
    assertThat(h.meters.get("shouwang.alerting.page.queue.overflow").tag("channel", "dashboard")
        .counter().count()).isEqualTo(2.0);
  }
}
