package io.shouwang.gateway.storage.spool;

import java.util.List;

/** One batch read back from the spool: its position (id), its lines and its size on disk. */
public record SpooledBatch(long id, List<String> lines, long bytes) {

  public SpooledBatch {
    lines = List.copyOf(lines);
  }
}
