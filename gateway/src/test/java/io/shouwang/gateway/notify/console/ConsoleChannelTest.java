package io.shouwang.gateway.notify.console;

import static io.shouwang.gateway.notify.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.notify.Page;
import io.shouwang.gateway.notify.LogCapture;
import io.shouwang.gateway.notify.Pages;
import org.junit.jupiter.api.Test;

class ConsoleChannelTest {

  private final ConsoleChannel channel = new ConsoleChannel();

  @Test
  void logsOneLineWithIncidentChannelRecipientAndTitleButNoContactDetails() throws Exception {
    Page page = Pages.page("console");
    try (LogCapture logs = new LogCapture()) {

      await(channel.send(page));

      assertThat(logs.lines()).singleElement().satisfies(line -> {
        assertThat(line).contains("inc-42", "channel=console", "cg-0007", page.title());
        assertThat(line).doesNotContain(Pages.PHONE, Pages.EMAIL, "地点");
      });
    }
  }

  @Test
  void lineBreakInATitleCannotForgeASecondLine() throws Exception {
    Page page = Pages.page("console");
    Page forged = new Page(page.idempotencyKey(), page.incidentId(), "console",
        page.recipient(), "title\nINFO fake line", "", null, page.data(), page.createdAt());
    try (LogCapture logs = new LogCapture()) {

      await(channel.send(forged));

      assertThat(logs.lines()).singleElement().asString().doesNotContain("\n");
    }
  }

  @Test
  void reachesEveryone() {
    assertThat(channel.canReach(Pages.caregiver())).isTrue();
    assertThat(channel.canReach(Pages.resident("en"))).isTrue();
  }
}
