package io.shouwang.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateFilterTest {

  private final DuplicateFilter filter = new DuplicateFilter(64);

  @Test
  void sameSequenceTwiceIsADuplicate() {
    assertThat(filter.firstSeen("btn-1", 1, 5)).isTrue();

    assertThat(filter.firstSeen("btn-1", 1, 5)).isFalse();
  }

  @Test
  void outOfOrderWithinWindowIsAcceptedOnce() {
    filter.firstSeen("btn-1", 1, 10);

    assertThat(filter.firstSeen("btn-1", 1, 8)).isTrue();
    assertThat(filter.firstSeen("btn-1", 1, 8)).isFalse();
    assertThat(filter.firstSeen("btn-1", 1, 9)).isTrue();
  }

  @Test
  void olderThanWindowIsTreatedAsDuplicate() {
    filter.firstSeen("btn-1", 1, 1_000);

    assertThat(filter.firstSeen("btn-1", 1, 1_000 - 64)).isFalse();
    assertThat(filter.firstSeen("btn-1", 1, 1_000 - 63)).isTrue();
  }

  @Test
  void newBootRestartsSequence() {
    filter.firstSeen("btn-1", 1, 500);

    assertThat(filter.firstSeen("btn-1", 2, 1)).isTrue();
    assertThat(filter.firstSeen("btn-1", 2, 1)).isFalse();
  }

  @Test
  void devicesHaveSeparateWindows() {
    filter.firstSeen("btn-1", 1, 7);

    assertThat(filter.firstSeen("btn-2", 1, 7)).isTrue();
    assertThat(filter.size()).isEqualTo(2);
  }

  @Test
  void slotReusedAfterWindowMovesOnIsNotAFalseDuplicate() {
    // 3 and 67 share a slot in a 64-wide window.
    filter.firstSeen("btn-1", 1, 3);

    assertThat(filter.firstSeen("btn-1", 1, 67)).isTrue();
    assertThat(filter.firstSeen("btn-1", 1, 66)).isTrue();
  }

  @Test
  void forgottenSequenceIsAcceptedAgain() {
    filter.firstSeen("btn-1", 1, 5);

    filter.forget("btn-1", 1, 5);

    assertThat(filter.firstSeen("btn-1", 1, 5)).isTrue();
  }

  @Test
  void longGapClearsTheWholeWindow() {
    filter.firstSeen("btn-1", 1, 1);
    filter.firstSeen("btn-1", 1, 2);

    filter.firstSeen("btn-1", 1, 10_000);

    assertThat(filter.firstSeen("btn-1", 1, 10_000 - 10)).isTrue();
  }
}
