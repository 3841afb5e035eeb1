package io.shouwang.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void keepsOnlyTheNewestUpToCapacityButCountsAll() {
    DeadLetters deadLetters = new DeadLetters(3);

    for (int i = 0; i < 5; i++) {
      deadLetters.record(NOW, "dev-" + i, "t", "malformed", "bad", new byte[] {1});
    }

    assertThat(deadLetters.total()).isEqualTo(5);
    assertThat(deadLetters.latest(10)).extracting(DeadLetters.Entry::deviceId)
        .containsExactly("dev-2", "dev-3", "dev-4");
  }

  @Test
  void holdsOnlyAHexPrefixOfThePayload() {
    DeadLetters deadLetters = new DeadLetters(10);
    byte[] payload = new byte[1000];
    payload[0] = (byte) 0xab;

    deadLetters.record(NOW, "dev", "t", "oversized", "big", payload);

    String hex = deadLetters.latest(1).get(0).hexPrefix();
    assertThat(hex).startsWith("ab00").endsWith("…");
    assertThat(hex).hasSize(DeadLetters.HEX_PREFIX_BYTES * 2 + 1);
  }

  @Test
  void latestLimitsToTheNewest() {
    DeadLetters deadLetters = new DeadLetters(10);
    deadLetters.recordPoint(NOW, "a", "400");
    deadLetters.recordPoint(NOW, "b", "400");

    assertThat(deadLetters.latest(1)).extracting(DeadLetters.Entry::deviceId).containsExactly("b");
  }
}
