package io.shouwang.gateway.notify.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DashboardFeedTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ExecutorService fastThread = Executors.newSingleThreadExecutor();
  private final ExecutorService slowThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    fastThread.shutdownNow();
    slowThread.shutdownNow();
  }

  @Test
  void everySubscriberReceivesEveryEventInPublicationOrder() {
    DashboardFeed feed = new DashboardFeed(new DashboardOptions(1000), meters);
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    feed.subscribe(fastThread, event -> first.add(event.incidentId()));
    feed.subscribe(slowThread, event -> second.add(event.incidentId()));

    IntStream.range(0, 500).forEach(i -> assertThat(feed.publish(event(i))).isEqualTo(2));

    List<String> expected = IntStream.range(0, 500).mapToObj(i -> "inc-" + i).toList();
    await().atMost(Duration.ofSeconds(20)).until(() -> first.size() == 500 && second.size() == 500);
    assertThat(first).isEqualTo(expected);
    assertThat(second).isEqualTo(expected);
    assertThat(feed.overflowed()).isZero();
  }

  @Test
  void slowSubscriberOverflowsAndIsCountedWithoutDelayingPublisherOrOthers() throws Exception {
    DashboardFeed feed = new DashboardFeed(new DashboardOptions(8), meters);
    CountDownLatch slowHasFirst = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> slow = new CopyOnWriteArrayList<>();
    List<String> fast = new CopyOnWriteArrayList<>();
    DashboardSubscription stuck = feed.subscribe(slowThread, event -> {
      slow.add(event.incidentId());
      slowHasFirst.countDown();
      awaitQuietly(release);
    });
    // Delivered on the publishing thread: it keeps up by construction, whatever the machine load.
    feed.subscribe(Runnable::run, event -> fast.add(event.incidentId()));

    // GIVEN the slow subscriber is stuck in its first event
    feed.publish(event(0));
    assertThat(slowHasFirst.await(10, TimeUnit.SECONDS)).isTrue();
    // WHEN 99 more are published while it stays stuck
    IntStream.range(1, 100).forEach(i -> feed.publish(event(i)));

    // THEN the publisher returned and the fast subscriber got everything while the slow one is
    // still stuck; the slow one keeps the newest 8 and counts the 91 it lost
    assertThat(fast).hasSize(100);
    assertThat(release.getCount()).isEqualTo(1);
    assertThat(stuck.overflowed()).isEqualTo(91);
    assertThat(feed.overflowed()).isEqualTo(91);
    assertThat(meters.get("shouwang.dashboard.overflow").functionCounter().count())
        .isEqualTo(91.0);
    release.countDown();
    await().atMost(Duration.ofSeconds(20)).until(() -> slow.size() == 9);
    assertThat(slow).containsExactly("inc-0", "inc-92", "inc-93", "inc-94", "inc-95", "inc-96",
        "inc-97", "inc-98", "inc-99");
  }

  @Test
  void closedSubscriptionReceivesNothingMore() {
    DashboardFeed feed = new DashboardFeed(DashboardOptions.defaults(), meters);
    List<String> received = new CopyOnWriteArrayList<>();
    DashboardSubscription subscription = feed.subscribe(Runnable::run,
        event -> received.add(event.incidentId()));

    feed.publish(event(1));
    subscription.close();
    int queued = feed.publish(event(2));

    assertThat(received).containsExactly("inc-1");
    assertThat(queued).isZero();
    assertThat(feed.subscribers()).isZero();
    assertThat(meters.get("shouwang.dashboard.subscribers").gauge().value()).isZero();
  }

  @Test
  void failingSubscriberKeepsReceivingLaterEvents() {
    DashboardFeed feed = new DashboardFeed(DashboardOptions.defaults(), meters);
    List<String> received = new CopyOnWriteArrayList<>();
    feed.subscribe(Runnable::run, event -> {
      received.add(event.incidentId());
      if (event.incidentId().equals("inc-1")) {
        throw new IllegalStateException("browser went away");
      }
    });

    feed.publish(event(1));
    feed.publish(event(2));

    assertThat(received).containsExactly("inc-1", "inc-2");
  }

  @Test
  void aScopedSubscriberSeesOnlyItsHouseholdsAndCountsOnlyPagesAddressedToIt() {
    DashboardFeed feed = new DashboardFeed(DashboardOptions.defaults(), meters);
    List<String> family = new CopyOnWriteArrayList<>();
    feed.subscribe(Runnable::run, e -> family.add(e.incidentId()),
        e -> "hh-1".equals(e.data().get("householdId")), "ct-1"::equals);

    int otherHousehold = feed.publish(page("inc-b", "hh-2", "ct-1"));
    int toSomeoneElse = feed.publish(page("inc-a", "hh-1", "cg-1"));
    int toThem = feed.publish(page("inc-a2", "hh-1", "ct-1"));

    assertThat(family).containsExactly("inc-a", "inc-a2");
    assertThat(otherHousehold).isZero();
    // Shown to them, but a page to the caregiver is not delivered by the family's open page.
    assertThat(toSomeoneElse).isZero();
    assertThat(toThem).isEqualTo(1);
  }

  private static DashboardEvent page(String incident, String household, String recipient) {
    return new DashboardEvent(DashboardEvent.PAGE, incident, recipient, "t", "b", null,
        Map.of("householdId", household), Instant.EPOCH, "k-" + incident);
  }

  private static DashboardEvent event(int i) {
    return new DashboardEvent(DashboardEvent.PAGE, "inc-" + i, "cg-1", "t", "b", null,
        Map.of(), Instant.EPOCH, "k-" + i);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
