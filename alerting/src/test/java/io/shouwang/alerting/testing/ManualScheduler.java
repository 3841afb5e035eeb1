package io.shouwang.alerting.testing;

import io.shouwang.alerting.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A scheduler driven by the test: {@link #advance} moves the clock task by task, runs each due
 * task at its own time and lets the engine settle after each, so timing is exact and no test
 * sleeps.
 */
public final class ManualScheduler implements Scheduler {

  private static final class Task implements Comparable<Task> {
    final Instant due;
    final long seq;
    final Runnable run;
    volatile boolean cancelled;

    Task(Instant due, long seq, Runnable run) {
      this.due = due;
      this.seq = seq;
      this.run = run;
    }

    @Override
    public int compareTo(Task o) {
      int byDue = due.compareTo(o.due);
      return byDue != 0 ? byDue : Long.compare(seq, o.seq);
    }
  }

  private final MutableClock clock;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long seq;
  private Runnable settle = () -> {};

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  /** What to wait for after each task: normally "the engine has run what the task queued". */
  public void settleWith(Runnable settle) {
    this.settle = settle;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Instant now = clock.instant();
    Task t = new Task(delay.isNegative() ? now : now.plus(delay), seq++, task);
    tasks.add(t);
    return () -> t.cancelled = true;
  }

  /** Moves time forward, running every task that falls due on the way, in order. */
  public void advance(Duration by) {
    Instant target = clock.instant().plus(by);
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        while (next != null && next.cancelled) {
          tasks.poll();
          next = tasks.peek();
        }
        if (next == null || next.due.isAfter(target)) {
          break;
        }
        tasks.poll();
      }
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      next.run.run();
      settle.run();
    }
    clock.set(target);
    settle.run();
  }

  /** Runs whatever is due now without moving time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** Tasks still waiting (not cancelled). */
  public synchronized long pending() {
    return tasks.stream().filter(t -> !t.cancelled).count();
  }
}
