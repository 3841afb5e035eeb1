package io.shouwang.sim.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Bounds outstanding publishes so Paho's own window rarely overflows; lets a refused one wait. */
final class InflightWindow {

  private final int size;
  private final Semaphore permits;
  private final Object completed = new Object();

  InflightWindow(int size) {
    this.size = size;
    this.permits = new Semaphore(size);
  }

  void acquire() throws InterruptedException {
    permits.acquire();
  }

  void release() {
    permits.release();
    synchronized (completed) {
      completed.notifyAll();
    }
  }

  /** Waits until some publish completes, or briefly, so a lost wake-up costs one short pause. */
  void awaitCompletion() throws InterruptedException {
    synchronized (completed) {
      TimeUnit.MILLISECONDS.timedWait(completed, 20);
    }
  }

  int size() {
    return size;
  }

  int inFlight() {
    return size - permits.availablePermits();
  }
}
