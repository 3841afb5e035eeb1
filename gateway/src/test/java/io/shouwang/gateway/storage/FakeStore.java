package io.shouwang.gateway.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An in-memory store: fails while "down", refuses lines containing BAD with 400, can be gated. */
final class FakeStore implements TimeSeriesStore {

  final List<String> stored = new CopyOnWriteArrayList<>();
  final List<List<String>> requests = new CopyOnWriteArrayList<>();
  final List<Integer> refusals = new CopyOnWriteArrayList<>();
  private volatile int downStatus = -1;
  private volatile CountDownLatch gate;
  private int callsUntilDown = -1;

  /** Fails every write with the status (0 = no response) until {@link #up()}. */
  void down(int status) {
    downStatus = status;
  }

  void up() {
    downStatus = -1;
  }

  /** Answers the next calls normally, then goes down with 503 (an outage mid-isolation). */
  synchronized void downAfter(int calls) {
    callsUntilDown = calls;
  }

  private synchronized void countCall() {
    if (callsUntilDown == 0) {
      down(503);
      callsUntilDown = -1;
    } else if (callsUntilDown > 0) {
      callsUntilDown--;
    }
  }

  /** Holds every write until {@link #open()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void open() {
    CountDownLatch current = gate;
    gate = null;
    if (current != null) {
      current.countDown();
    }
  }

  @Override
  public void write(List<String> lines) throws StoreException {
    CountDownLatch current = gate;
    if (current != null) {
      try {
        current.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    countCall();
    int status = downStatus;
    if (status >= 0) {
      refusals.add(status);
      throw StoreException.forStatus(status, "fake store down", null);
    }
    if (lines.stream().anyMatch(line -> line.contains("BAD"))) {
      refusals.add(400);
      throw StoreException.forStatus(400, "unable to parse: bad field", null);
    }
    requests.add(new ArrayList<>(lines));
    stored.addAll(lines);
  }

  @Override
  public boolean ping() {
    return downStatus < 0;
  }

  @Override
  public void close() {}
}
