package io.shouwang.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuietWindowAndDurationsTest {

  @ParameterizedTest(name = "{0}-{1} contains {2}: {3}")
  @CsvSource({
    "07:00, 22:00, 07:00, true",
    "07:00, 22:00, 21:59, true",
    "07:00, 22:00, 22:00, false",
    "07:00, 22:00, 06:59, false",
    "22:00, 07:00, 22:00, true",
    "22:00, 07:00, 00:00, true",
    "22:00, 07:00, 06:59, true",
    "22:00, 07:00, 07:00, false",
    "22:00, 07:00, 12:00, false"
  })
  void containsIsHalfOpenAndWrapsPastMidnight(
      LocalTime from, LocalTime to, LocalTime time, boolean contains) {
    assertThat(new QuietWindow(from, to, Duration.ofHours(1)).contains(time)).isEqualTo(contains);
  }

  @ParameterizedTest(name = "{0}-{1} and {2}-{3} overlap: {4}")
  @CsvSource({
    "07:00, 22:00, 22:00, 07:00, false",
    "07:00, 22:00, 21:00, 07:00, true",
    "22:00, 07:00, 06:00, 08:00, true",
    "22:00, 07:00, 23:00, 01:00, true",
    "13:00, 15:00, 15:00, 13:00, false",
    "13:00, 15:00, 14:00, 14:30, true"
  })
  void overlapIsSymmetric(
      LocalTime from1, LocalTime to1, LocalTime from2, LocalTime to2, boolean overlap) {
    QuietWindow a = new QuietWindow(from1, to1, Duration.ofHours(1));
    QuietWindow b = new QuietWindow(from2, to2, Duration.ofHours(1));

    assertThat(a.overlaps(b)).isEqualTo(overlap);
    assertThat(b.overlaps(a)).isEqualTo(overlap);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "10m, PT10M",
    "3h, PT3H",
    "7d, PT168H",
    "PT1H30M, PT1H30M",
    "' 2h ', PT2H"
  })
  void durationsParse(String text, Duration expected) {
    assertThat(Durations.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "3 hours", "h", "-3h", "1.5h", "P", "3H"})
  void notADuration(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({"PT3H, 3h", "PT90M, 90m", "PT45S, 45s", "P7D, 7d", "PT0.5S, 500ms", "PT0S, 0s"})
  void durationsFormatShortest(Duration duration, String text) {
    assertThat(Durations.format(duration)).isEqualTo(text);
  }
}
