package io.shouwang.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private Instant now = Instant.parse("2026-11-21T08:00:00Z");
  private final Clock clock = new Clock() {
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
  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), clock);

  @Test
  void aUsernameIsRefusedAfterTooManyFailuresUntilTheOldestLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.retryAfter("duty", "10.0.0.1")).isEmpty();
      throttle.failed("duty", "10.0.0.1");
      now = now.plusSeconds(60);
    }
    // Three failures at 0, 1 and 2 minutes; now is 3 minutes: the first leaves at 5.
    assertThat(throttle.retryAfter("duty", "10.0.0.2")).contains(Duration.ofMinutes(2));
    assertThat(throttle.retryAfter("other", "10.0.0.2")).isEmpty();

    now = now.plus(Duration.ofMinutes(2));
    assertThat(throttle.retryAfter("duty", "10.0.0.1")).isEmpty();
  }

  @Test
  void oneAddressTryingManyUsernamesIsRefusedToo() {
    for (int i = 0; i < 12; i++) {
      throttle.failed("user" + i, "10.0.0.9");
    }
    assertThat(throttle.retryAfter("someone-new", "10.0.0.9")).isPresent();
    assertThat(throttle.retryAfter("someone-new", "10.0.0.10")).isEmpty();
  }

  @Test
  void successClearsTheUsernamesFailures() {
    throttle.failed("duty", "10.0.0.1");
    throttle.failed("duty", "10.0.0.1");
    throttle.succeeded("duty");
    throttle.failed("duty", "10.0.0.1");
    assertThat(throttle.retryAfter("duty", "10.0.0.1")).isEmpty();
  }
}
