package io.shouwang.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatchSettingsTest {

  private final DispatchSettings settings = new DispatchSettings(100, 4, Duration.ofSeconds(5), 5,
      Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0);

  @Test
  void backoffDoublesUpToTheMaximum() {
    assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(settings.backoffAfter(9)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void jitterSpreadsRetriesOverTheUpperHalfOfTheBackoff() {
    assertThat(settings.jitteredBackoffAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.jitteredBackoffAfter(2, 0.5)).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.jitteredBackoffAfter(2, 0.999_999)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.jitteredBackoffAfter(9, 0.25)).isEqualTo(Duration.ofSeconds(5));
  }
}
