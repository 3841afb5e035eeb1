package io.shouwang.gateway.storage.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {

  @TempDir Path dir;

  @Test
  void returnsBatchesOldestFirstAndRemovesThemInOrder() throws IOException {
    DiskSpool spool = open(1_000_000);
    spool.append(List.of("a 1", "a 2"));
    spool.append(List.of("b 1"));

    SpooledBatch first = spool.peek().orElseThrow();
    spool.remove(first);
    SpooledBatch second = spool.peek().orElseThrow();
    spool.remove(second);

    assertThat(first.lines()).containsExactly("a 1", "a 2");
    assertThat(second.lines()).containsExactly("b 1");
    assertThat(spool.isEmpty()).isTrue();
    assertThat(spool.bytes()).isZero();
    assertThat(spool.peek()).isEmpty();
  }

  @Test
  void countsBatchesAndBytesOnDisk() throws IOException {
    DiskSpool spool = open(1_000_000);

    spool.append(List.of("m f=1 1", "m f=2 2"));

    assertThat(spool.batches()).isEqualTo(1);
    assertThat(spool.bytes()).isEqualTo("m f=1 1\nm f=2 2\n".length());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(
          "00000000000000000001.batch");
    }
  }

  @Test
  void refusesABatchThatWouldExceedTheBoundAndKeepsWhatItHas() throws IOException {
    DiskSpool spool = open(20);
    spool.append(List.of("0123456789")); // 11 bytes with the newline

    assertThatThrownBy(() -> spool.append(List.of("0123456789")))
        .isInstanceOf(SpoolFullException.class)
        .hasMessageContaining("full");
    assertThat(spool.batches()).isEqualTo(1);
    assertThat(spool.peek().orElseThrow().lines()).containsExactly("0123456789");
  }

  @Test
  void acceptsAgainOnceReplayFreedRoom() throws IOException {
    DiskSpool spool = open(20);
    spool.append(List.of("0123456789"));
    spool.remove(spool.peek().orElseThrow());

    spool.append(List.of("abcdefghij"));

    assertThat(spool.peek().orElseThrow().lines()).containsExactly("abcdefghij");
  }

  @Test
  void survivesReopenWithOrderAndNumberingIntact() throws IOException {
    DiskSpool before = open(1_000_000);
    before.append(List.of("first"));
    before.append(List.of("second"));

    DiskSpool after = open(1_000_000);
    after.append(List.of("third"));

    assertThat(after.batches()).isEqualTo(3);
    assertThat(drain(after)).containsExactly("first", "second", "third");
  }

  @Test
  void deletesLeftoverTempFilesAndIgnoresForeignFilesOnOpen() throws IOException {
    Files.writeString(dir.resolve("00000000000000000007.tmp"), "half a batch");
    Files.writeString(dir.resolve("notes.txt"), "not a batch");
    Files.writeString(dir.resolve("00000000000000000003.batch"), "kept\n");

    DiskSpool spool = open(1_000_000);

    assertThat(Files.exists(dir.resolve("00000000000000000007.tmp"))).isFalse();
    assertThat(Files.exists(dir.resolve("notes.txt"))).isTrue();
    assertThat(spool.batches()).isEqualTo(1);
    assertThat(drain(spool)).containsExactly("kept");
  }

  @Test
  void replacingTheHeadKeepsItsPlaceAheadOfNewerBatches() throws IOException {
    DiskSpool spool = open(1_000_000);
    spool.append(List.of("old 1", "old 2", "old 3"));
    spool.append(List.of("new 1"));
    SpooledBatch head = spool.peek().orElseThrow();

    spool.replace(head, List.of("old 3"));

    assertThat(spool.bytes()).isEqualTo("old 3\nnew 1\n".length());
    assertThat(drain(open(1_000_000))).containsExactly("old 3", "new 1");
  }

  @Test
  void refusesToRemoveABatchThatIsNotTheOldest() throws IOException {
    DiskSpool spool = open(1_000_000);
    spool.append(List.of("a"));
    spool.append(List.of("b"));
    SpooledBatch head = spool.peek().orElseThrow();
    spool.remove(head);

    assertThatThrownBy(() -> spool.remove(head)).isInstanceOf(IllegalStateException.class);
    assertThat(spool.batches()).isEqualTo(1);
  }

  @Test
  void keepsUtf8LinesIntact() throws IOException {
    DiskSpool spool = open(1_000_000);

    spool.append(List.of("m,grid=网格\\ 3 note=\"温度\" 1"));

    assertThat(open(1_000_000).peek().orElseThrow().lines())
        .containsExactly("m,grid=网格\\ 3 note=\"温度\" 1");
  }

  private DiskSpool open(long maxBytes) throws IOException {
    DiskSpool spool = new DiskSpool(dir, maxBytes);
    spool.open();
    return spool;
  }

  private static List<String> drain(DiskSpool spool) throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    while (!spool.isEmpty()) {
      SpooledBatch batch = spool.peek().orElseThrow();
      lines.addAll(batch.lines());
      spool.remove(batch);
    }
    return lines;
  }
}
