package io.shouwang.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class DurationConverterTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "250ms, 250",
    "60s, 60000",
    "60, 60000",
    "5m, 300000",
    "2h, 7200000",
    "1d, 86400000",
    "1.5s, 1500",
    "PT1M, 60000"
  })
  void readsDurationsAsPeopleTypeThem(String text, long millis) {
    assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void rejectsNonsenseWithAnExample() {
    assertThatThrownBy(() -> new DurationConverter().convert("soon"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageContaining("60s");
  }
}
