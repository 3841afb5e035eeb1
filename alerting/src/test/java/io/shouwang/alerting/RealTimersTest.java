package io.shouwang.alerting;

import static io.shouwang.alerting.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.config.ConfigFiles;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.store.sqlite.SqliteIncidentStore;
import io.shouwang.alerting.testing.FakeChannel;
import io.shouwang.alerting.testing.FakeCommandSink;
import io.shouwang.alerting.testing.FakeRules;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The engine as the gateway builds it: public constructor, Vert.x timers, system clock. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealTimersTest {

  @TempDir
  Path dir;

  @Test
  void productionWiringPagesEscalatesAndRecords(Vertx vertx) {
    // GIVEN an engine with a one-second ladder over a SQLite file
    Registry registry = TestRegistry.households(3);
    AlertingConfig config = ConfigFiles.fromYaml("""
        policies:
          standard:
            steps:
              - after: 0s
                notify: [grid_caregivers]
              - after: 1s
                notify: [family]
        """);
    Clock clock = Clock.systemUTC();
    FakeChannel sms = new FakeChannel("sms", clock);
    SqliteIncidentStore store = new SqliteIncidentStore(vertx, dir.resolve("incidents.db"));
    AlertEngine engine = new AlertEngine(vertx, registry, config, List.of(FakeRules.press()),
        store, List.<NotificationChannel>of(sms), new FakeCommandSink(), clock,
        new SimpleMeterRegistry());
    await(engine.start());
    try {
      // WHEN the resident presses
      await(engine.onMessage(Messages.press(registry, "btn-0001", 1, clock.instant())));

      // THEN the caregivers are paged at once and the family a second later
      assertThat(engine.openIncidents()).singleElement()
          .satisfies(i -> assertThat(i.state()).isEqualTo(IncidentState.PAGED));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sms.pages())
          .extracting(Page::recipient).extracting(r -> r.id())
          .containsExactly("cg-wu", "cg-he", "ct-0001-f"));
      String id = engine.openIncidents().get(0).id();
      await(engine.accept(id, "cg-wu", Duration.ofMinutes(5)));
    } finally {
      await(engine.stop());
    }

    // AND after a stop and a fresh start the accepted incident is back from the file
    SqliteIncidentStore reopened = new SqliteIncidentStore(vertx, dir.resolve("incidents.db"));
    AlertEngine again = new AlertEngine(vertx, registry, config, List.of(FakeRules.press()),
        reopened, List.<NotificationChannel>of(sms), new FakeCommandSink(), clock,
        new SimpleMeterRegistry());
    await(again.start());
    try {
      assertThat(again.openIncidents()).singleElement().satisfies(i -> {
        assertThat(i.state()).isEqualTo(IncidentState.ACCEPTED);
        assertThat(i.acceptedBy()).isEqualTo("cg-wu");
      });
    } finally {
      await(again.stop());
    }
  }
}
