package io.shouwang.alerting;

import static io.shouwang.alerting.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.rules.RuleOutput;
import io.shouwang.alerting.testing.FakeRules;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LogPrivacyTest {

  @Test
  void logsCarryIdsButNoNamesPhonesReadingsOrNotes(Vertx vertx) {
    // GIVEN every log line of the engine captured
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    try {
      // AND an incident with readings, failing pages, failing commands and a note
      Registry registry = TestRegistry.households(3);
      FakeRules.Recording vitals = new FakeRules.Recording(m -> RuleOutput.of(FakeRules.signal(
          m, Signal.Kind.RAISE, Cause.ABNORMAL_VITALS, Severity.HIGH,
          Map.of("spo2_percent", "83.5"))));
      EngineHarness h = new EngineHarness(vertx, registry, AlertingConfig.defaults(),
          new InMemoryIncidentStore(), new MutableClock(EngineHarness.T0), List.of(vitals));
      h.channel("sms").failingWith(400);
      h.commands.failingFirst(100);
      h.start();

      // WHEN it runs its whole course
      h.deliver(Messages.press(registry, "btn-0001", 1, EngineHarness.T0));
      String id = h.only().id();
      h.advance(Duration.ofSeconds(200));
      await(h.engine.accept(id, "cg-wu", Duration.ofMinutes(5)));
      h.advance(Duration.ofMinutes(2));
      await(h.engine.onSite(id, "cg-wu"));
      await(h.engine.resolve(id, "cg-wu", "hospital", "王秀英 taken to 瑞金医院, call 13900001111"));
      h.settle();
      h.stop();
    } finally {
      root.detachAppender(captured);
    }

    // THEN the logs name the incident but nobody's name, number, reading or note
    List<String> lines = captured.list.stream().map(e -> e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
    assertThat(String.join("\n", lines)).contains("inc-", "page", "command")
        .doesNotContain("王秀英", "王小明", "吴芳", "Mary", "+86", "13900001111", "83.5", "瑞金",
            "son@example.org", "幸福路");
  }
}
