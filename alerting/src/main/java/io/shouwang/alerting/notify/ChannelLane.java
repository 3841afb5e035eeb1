package io.shouwang.alerting.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.DeliveryStatus;
import io.shouwang.alerting.Scheduler;
import io.shouwang.alerting.config.DispatchSettings;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * One channel's own lane: a bounded queue, a cap on sends in flight, a timeout per attempt and
 * retries with exponential backoff for retryable failures only. A slow or dead channel fills its
 * own lane and nobody else's. Engine thread only; channel results are moved back onto it.
 */
final class ChannelLane {

  /** One page on its way; a new attempt gets a new token so a late answer to an old one is void. */
  private static final class Job {
    final Page page;
    int attempts;
    int token;
    boolean inFlight;
    boolean cancelled;
    String cancelReason;
    Scheduler.Cancellable timer;
    // The message this page answers, until its first hand-off is timed; null when none.
    HandoffTiming.Origin origin;

    Job(Page page, int attempts, HandoffTiming.Origin origin) {
      this.page = page;
      this.attempts = attempts;
      this.origin = origin;
    }
  }

  private final NotificationChannel channel;
  private final DispatchSettings settings;
  private final DoubleSupplier jitter;
  private final Scheduler scheduler;
  private final Executor loop;
  private final DeliveryListener listener;
  private final HandoffTiming timing;
  private final Deque<Job> waiting = new ArrayDeque<>();
  private final Set<Job> held = new HashSet<>();
  private final Counter overflows;
  private final Counter retries;
  private final MeterRegistry meters;
  private int inFlight;

  ChannelLane(NotificationChannel channel, DispatchSettings settings, Scheduler scheduler,
      Executor loop, DeliveryListener listener, HandoffTiming timing, MeterRegistry meters,
      DoubleSupplier jitter) {
    this.jitter = jitter;
    this.channel = channel;
    this.settings = settings;
    this.scheduler = scheduler;
    this.loop = loop;
    this.listener = listener;
    this.timing = timing;
    this.meters = meters;
    this.overflows = Counter.builder("shouwang.alerting.page.queue.overflow")
        .tag("channel", channel.name())
        .description("Pages refused because the channel's queue was full")
        .register(meters);
    this.retries = Counter.builder("shouwang.alerting.page.retries")
        .tag("channel", channel.name()).register(meters);
    Gauge.builder("shouwang.alerting.page.queue.size", this, ChannelLane::size)
        .tag("channel", channel.name()).strongReference(true).register(meters);
  }

  NotificationChannel channel() {
    return channel;
  }

  /** Takes a page; when the lane is full the page fails at once as an overflow, never silently. */
  void submit(Page page, int attemptsSoFar) {
    if (size() >= settings.queueCapacity()) {
      overflows.increment();
      count(DeliveryStatus.FAILED);
      report(page, DeliveryStatus.FAILED, attemptsSoFar,
          "queue full (" + settings.queueCapacity() + " pages)", true);
      return;
    }
    // A re-send after a restart continues old attempts: it answers no message being handled now.
    Job job = new Job(page, attemptsSoFar, attemptsSoFar == 0 ? timing.current() : null);
    held.add(job);
    waiting.addLast(job);
    pump();
  }

  /**
   * Skips this incident's pages that have not been sent. A send in flight cannot be recalled: it
   * ends as SENT if it gets through, and as SKIPPED instead of being retried if it fails.
   */
  void cancelPending(String incidentId, String reason) {
    List<Job> skipped = new ArrayList<>();
    for (Iterator<Job> it = held.iterator(); it.hasNext(); ) {
      Job job = it.next();
      if (job.cancelled || !job.page.incidentId().equals(incidentId)) {
        continue;
      }
      job.cancelled = true;
      job.cancelReason = reason;
      if (!job.inFlight) {
        if (job.timer != null) {
          job.timer.cancel();
        }
        it.remove();
        skipped.add(job);
      }
    }
    waiting.removeAll(skipped);
    for (Job job : skipped) {
      count(DeliveryStatus.SKIPPED);
      report(job.page, DeliveryStatus.SKIPPED, job.attempts, reason, false);
    }
  }

  /** Pages waiting, in flight, or waiting for a retry. */
  int size() {
    return held.size();
  }

  private void pump() {
    while (inFlight < settings.maxInFlight() && !waiting.isEmpty()) {
      attempt(waiting.pollFirst());
    }
  }

  private void attempt(Job job) {
    job.attempts++;
    job.inFlight = true;
    int token = ++job.token;
    inFlight++;
    // The timeout frees the slot even if the channel never answers: it cannot hold the lane.
    job.timer = scheduler.schedule(settings.timeout(), () -> loop.execute(
        () -> settle(job, token, Future.failedFuture(ChannelException.forStatus(
            "timed out after " + settings.timeout().toMillis() + " ms", 0, null)))));
    if (job.origin != null) {
      timing.handedOver(channel.name(), job.origin);
      job.origin = null;
    }
    Future<String> sent;
    try {
      sent = channel.send(job.page);
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    sent.onComplete(ar -> loop.execute(() -> settle(job, token, ar)));
  }

  private void settle(Job job, int token, AsyncResult<String> result) {
    if (job.token != token || !job.inFlight) {
      return;
    }
    job.inFlight = false;
    job.timer.cancel();
    inFlight--;
    if (result.succeeded()) {
      held.remove(job);
      count(DeliveryStatus.SENT);
      report(job.page, DeliveryStatus.SENT, job.attempts, null, false);
    } else {
      ChannelException failure = classify(result.cause());
      String error = describe(failure);
      if (job.cancelled) {
        held.remove(job);
        count(DeliveryStatus.SKIPPED);
        report(job.page, DeliveryStatus.SKIPPED, job.attempts, job.cancelReason, false);
      } else if (failure.retryable() && job.attempts < settings.maxAttempts()) {
        retries.increment();
        report(job.page, DeliveryStatus.QUEUED, job.attempts, error, false);
        job.timer = scheduler.schedule(settings.jitteredBackoffAfter(job.attempts, jitter.getAsDouble()),
            () -> loop.execute(() -> retry(job)));
      } else {
        held.remove(job);
        count(DeliveryStatus.FAILED);
        report(job.page, DeliveryStatus.FAILED, job.attempts, error, false);
      }
    }
    pump();
  }

  private void retry(Job job) {
    if (!job.cancelled && held.contains(job)) {
      waiting.addLast(job);
      pump();
    }
  }

  private void report(Page page, DeliveryStatus status, int attempts, String error,
      boolean overflow) {
    DeliveryReport report = new DeliveryReport(page.idempotencyKey(), page.incidentId(),
        channel.name(), status, attempts, error, overflow);
    // Always via the loop, so a listener never runs inside submit() of its own caller.
    loop.execute(() -> listener.delivered(report));
  }

  private void count(DeliveryStatus status) {
    Counter.builder("shouwang.alerting.pages").tag("channel", channel.name())
        .tag("status", status.name().toLowerCase(Locale.ROOT)).register(meters)
        .increment();
  }

  private static ChannelException classify(Throwable failure) {
    if (failure instanceof ChannelException e) {
      return e;
    }
    // Not a channel's own verdict (a bug, a dropped connection): no response, so retryable.
    return ChannelException.forStatus(failure.getClass().getSimpleName(), 0, failure);
  }

  private static String describe(ChannelException e) {
    return e.status() > 0 ? e.getMessage() + " (status " + e.status() + ")" : e.getMessage();
  }
}
