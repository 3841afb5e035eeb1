package io.shouwang.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.gateway.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));

  @Test
  void letsTheFirstEventThroughThenReportsTheHeldBackCountOncePerInterval() {
    RateLimitedLog log = new RateLimitedLog(clock, Duration.ofSeconds(10));

    long first = log.record();
    clock.advance(Duration.ofSeconds(3));
    long second = log.record();
    long third = log.record();
    clock.advance(Duration.ofSeconds(10));
    long fourth = log.record();

    assertThat(first).isEqualTo(1);
    assertThat(second).isZero();
    assertThat(third).isZero();
    assertThat(fourth).isEqualTo(3);
  }
}
