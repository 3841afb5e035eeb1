package io.shouwang.gateway.notify.dashboard;

import static io.shouwang.gateway.notify.Futures.await;
import static io.shouwang.gateway.notify.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.gateway.notify.Pages;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardChannelTest {

  private final DashboardFeed feed =
      new DashboardFeed(DashboardOptions.defaults(), new SimpleMeterRegistry());
  private final DashboardChannel channel = new DashboardChannel(feed);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "duty_desk, true", "caregiver, true", "family, false", "resident, false", "doctor, false"
  })
  void reachesTheDutyDeskAndCaregiversOnly(String role, boolean reachable) {
    assertThat(channel.canReach(new Recipient("x", "n", role, "zh", null, null)))
        .isEqualTo(reachable);
  }

  @Test
  void pageBecomesAnEventForEverySubscriber() throws Exception {
    List<DashboardEvent> received = new CopyOnWriteArrayList<>();
    feed.subscribe(Runnable::run, received::add);
    Page page = Pages.page("dashboard");

    String receipt = await(channel.send(page));

    assertThat(receipt).contains("1 subscriber");
    assertThat(received).singleElement().satisfies(event -> {
      assertThat(event.kind()).isEqualTo(DashboardEvent.PAGE);
      assertThat(event.incidentId()).isEqualTo("inc-42");
      assertThat(event.recipientId()).isEqualTo("cg-0007");
      assertThat(event.title()).isEqualTo(page.title());
      assertThat(event.idempotencyKey()).isEqualTo(page.idempotencyKey());
      assertThat(event.data()).isEqualTo(page.data());
      assertThat(event.toString()).doesNotContain("王秀英");
    });
  }

  @Test
  void withNobodyWatchingThePageIsNotDeliveredAndWorthRetrying() throws Exception {
    ChannelException e = failure(channel.send(Pages.page("dashboard")));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isEqualTo(503);
  }
}
