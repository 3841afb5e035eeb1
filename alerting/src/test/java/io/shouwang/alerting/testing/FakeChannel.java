package io.shouwang.alerting.testing;

import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** A channel that records every attempt and answers as the test tells it to. */
public final class FakeChannel implements NotificationChannel {

  /** One send attempt as the channel saw it. */
  public record Attempt(Page page, Instant at) {}

  private final String name;
  private final Clock clock;
  private final List<Attempt> attempts = new ArrayList<>();
  private final Deque<Function<Page, Future<String>>> scripted = new ArrayDeque<>();
  private final List<Promise<String>> hanging = new ArrayList<>();
  private Function<Page, Future<String>> otherwise = p -> Future.succeededFuture("ok");
  private Predicate<Recipient> reach = r -> true;

  public FakeChannel(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  /** Every later send fails with this status (retryable per ChannelException.forStatus). */
  public synchronized FakeChannel failingWith(int status) {
    otherwise = p -> Future.failedFuture(
        ChannelException.forStatus("gateway answered " + status, status, null));
    return this;
  }

  /** Sends to matching recipients fail with this status; others follow the default. */
  public synchronized FakeChannel failingFor(Predicate<Recipient> who, int status) {
    Function<Page, Future<String>> before = otherwise;
    otherwise = p -> who.test(p.recipient()) ? Future.failedFuture(
        ChannelException.forStatus("gateway answered " + status, status, null)) : before.apply(p);
    return this;
  }

  /** The next send fails with this status, then the channel goes back to its default. */
  public synchronized FakeChannel thenFailOnce(int status) {
    scripted.addLast(p -> Future.failedFuture(
        ChannelException.forStatus("gateway answered " + status, status, null)));
    return this;
  }

  /** Every later send never answers. */
  public synchronized FakeChannel hanging() {
    otherwise = p -> {
      Promise<String> promise = Promise.promise();
      hanging.add(promise);
      return promise.future();
    };
    return this;
  }

  /** Only recipients matching this can be reached. */
  public synchronized FakeChannel reaching(Predicate<Recipient> predicate) {
    reach = predicate;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized boolean canReach(Recipient recipient) {
    return reach.test(recipient);
  }

  @Override
  public synchronized Future<String> send(Page page) {
    attempts.add(new Attempt(page, clock.instant()));
    Function<Page, Future<String>> answer = scripted.isEmpty() ? otherwise : scripted.pollFirst();
    return answer.apply(page);
  }

  public synchronized List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /** Pages sent at least once, in order, without repeats. */
  public synchronized List<Page> pages() {
    List<Page> pages = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Attempt a : attempts) {
      if (!keys.contains(a.page().idempotencyKey())) {
        keys.add(a.page().idempotencyKey());
        pages.add(a.page());
      }
    }
    return pages;
  }

  /** Recipients of all attempts, in order. */
  public synchronized List<String> recipients() {
    return attempts.stream().map(a -> a.page().recipient().id()).toList();
  }
}
