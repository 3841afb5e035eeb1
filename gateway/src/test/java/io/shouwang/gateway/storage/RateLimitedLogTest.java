package io.shouwang.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

  private Instant now = Instant.parse("2026-11-21T08:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void letsTheFirstEventThroughThenReportsTheHeldBackCountOncePerInterval() {
    RateLimitedLog log = new RateLimitedLog(clock, Duration.ofSeconds(10));

    long first = log.record();
    now = now.plusSeconds(3);
    long second = log.record();
    long third = log.record();
    now = now.plusSeconds(10);
    long fourth = log.record();

    assertThat(first).isEqualTo(1);
    assertThat(second).isZero();
    assertThat(third).isZero();
    assertThat(fourth).isEqualTo(3);
  }
}
