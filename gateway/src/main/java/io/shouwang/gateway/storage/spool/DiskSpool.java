package io.shouwang.gateway.storage.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A bounded FIFO of line batches on disk, one file per batch, that survives a crash.
 *
 * <p>A batch is written to a temp file, fsynced and atomically renamed, then the directory is
 * fsynced: after {@link #append} returns, the batch is on disk whole or not at all. Leftover temp
 * files (a crash mid-write) are deleted on {@link #open}. Blocking: call it on a worker thread.
 */
public final class DiskSpool {

  private static final String BATCH_SUFFIX = ".batch";
  private static final String TEMP_SUFFIX = ".tmp";

  private final Path directory;
  private final long maxBytes;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long nextId = 1;
  private boolean opened;
  // Written under the lock, read without it by health checks and gauges.
  private volatile long bytes;
  private volatile long batches;

  private record Entry(long id, long bytes) {}

  /** A spool in the directory, holding at most maxBytes of batch files. */
  public DiskSpool(Path directory, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("spool maxBytes must be > 0, was " + maxBytes);
    }
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  /** Creates the directory, deletes leftover temp files and indexes the batches already there. */
  public synchronized void open() throws IOException {
    Files.createDirectories(directory);
    List<Entry> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMP_SUFFIX)) {
          Files.deleteIfExists(file);
        } else if (name.endsWith(BATCH_SUFFIX)) {
          Optional<Long> id = parseId(name);
          if (id.isPresent()) {
            found.add(new Entry(id.get(), Files.size(file)));
          }
        }
      }
    }
    found.sort(Comparator.comparingLong(Entry::id));
    entries.clear();
    entries.addAll(found);
    nextId = found.isEmpty() ? 1 : found.get(found.size() - 1).id() + 1;
    long total = 0;
    for (Entry entry : found) {
      total += entry.bytes();
    }
    bytes = total;
    batches = found.size();
    opened = true;
  }

  /** Appends a batch at the end, durably; fails with SpoolFullException when it would not fit. */
  public synchronized void append(List<String> lines) throws IOException {
    checkOpen();
    byte[] data = encode(lines);
    if (bytes + data.length > maxBytes) {
      throw new SpoolFullException(
          "spool " + directory + " is full: " + bytes + " of " + maxBytes + " bytes used, batch of "
              + lines.size() + " lines needs " + data.length);
    }
    long id = nextId++;
    writeDurably(id, data);
    entries.addLast(new Entry(id, data.length));
    bytes += data.length;
    batches++;
  }

  /** The oldest batch, if any. */
  public synchronized Optional<SpooledBatch> peek() throws IOException {
    checkOpen();
    Entry head = entries.peekFirst();
    if (head == null) {
      return Optional.empty();
    }
    byte[] data = Files.readAllBytes(batchFile(head.id()));
    return Optional.of(new SpooledBatch(head.id(), decode(data), data.length));
  }

  /** Removes the oldest batch once it is stored; the batch must be the one peeked. */
  public synchronized void remove(SpooledBatch batch) throws IOException {
    Entry head = requireHead(batch);
    Files.deleteIfExists(batchFile(head.id()));
    entries.removeFirst();
    bytes -= head.bytes();
    batches--;
  }

  /** Replaces the oldest batch by what is left of it (part was stored), durably, in place. */
  public synchronized void replace(SpooledBatch batch, List<String> remaining) throws IOException {
    requireHead(batch);
    if (remaining.isEmpty()) {
      remove(batch);
      return;
    }
    Entry head = entries.peekFirst();
    byte[] data = encode(remaining);
    writeDurably(batch.id(), data);
    entries.removeFirst();
    entries.addFirst(new Entry(batch.id(), data.length));
    bytes += data.length - head.bytes();
  }

  /** Whether no batch is waiting. */
  public boolean isEmpty() {
    return batches == 0;
  }

  /** Number of batches waiting. */
  public long batches() {
    return batches;
  }

  /** Bytes of batches waiting. */
  public long bytes() {
    return bytes;
  }

  /** The bound on {@link #bytes()}. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Where the batch files live. */
  public Path directory() {
    return directory;
  }

  private void writeDurably(long id, byte[] data) throws IOException {
    Path temp = directory.resolve(fileName(id) + TEMP_SUFFIX);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(
        temp,
        batchFile(id),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    syncDirectory();
  }

  private void syncDirectory() {
    // Makes the rename durable on Linux; some platforms cannot open a directory: best effort.
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // The batch file is complete either way; at worst a crash loses the rename.
    }
  }

  private Entry requireHead(SpooledBatch batch) {
    Entry head = entries.peekFirst();
    if (head == null || head.id() != batch.id()) {
      throw new IllegalStateException("batch " + batch.id() + " is not the oldest in " + directory);
    }
    return head;
  }

  private void checkOpen() {
    if (!opened) {
      throw new IllegalStateException("spool " + directory + " is not open");
    }
  }

  private Path batchFile(long id) {
    return directory.resolve(fileName(id) + BATCH_SUFFIX);
  }

  private static String fileName(long id) {
    return String.format("%020d", id);
  }

  private static Optional<Long> parseId(String name) {
    try {
      return Optional.of(Long.parseLong(name.substring(0, name.length() - BATCH_SUFFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty(); // not ours
    }
  }

  private static byte[] encode(List<String> lines) {
    StringBuilder text = new StringBuilder(lines.size() * 128);
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> decode(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      if (end > start) {
        lines.add(text.substring(start, end));
      }
      start = end + 1;
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
