package io.shouwang.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.alerting.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A family member sees their relative (household hh-0001) and nothing of the household next door
 * (hh-0002, same grid and building): not on the page, not in any response or stream event.
 */
@Timeout(300)
class BrowserFamilyIT {

  /** Everything that would identify household B. */
  private static final List<String> HOUSEHOLD_B =
      List.of("hh-0002", "Resident 0002", "Child 0002", "notes-0002", "btn-0002", "\"102\"");

  // Readings a day old are accepted: the device clock is right, the test writes history.
  @RegisterExtension static final PagesFixture fixture =
      new PagesFixture(Map.of("SHOUWANG_INGEST_MAX_CLOCK_SKEW", "8d"));

  @Test
  void familySeesTheirRelativeAndNoTraceOfAnotherHousehold() throws Exception {
    // A day of readings for A, with a dip in SpO2 below the limit.
    Instant now = Instant.now();
    for (int i = 96; i >= 1; i--) {
      float spo2 = i >= 40 && i <= 44 ? 86f : 95f + (i % 4);
      float heartRate = 66f + 8f * (float) Math.sin(i / 8.0) + (i % 3);
      fixture.vitals("hm-0001", now.minus(Duration.ofMinutes(15L * i)), heartRate, spo2);
    }
    // B has an open incident before the page opens...
    fixture.press("btn-0002");
    await().atMost(Duration.ofSeconds(20)).until(() -> openIncidents().stream()
        .anyMatch(i -> i.householdId().equals("hh-0002")));

    try (Browser browser = fixture.desktop()) {
      browser.login("family1", PagesFixture.PASSWORD, "/family.html");
      assertThat(browser.text(By.id("relative-name"))).isEqualTo("Resident 0001");
      assertThat(browser.text(By.id("overall"))).isNotBlank();

      // ...and another event while it is open; then A's own press, which must arrive live.
      fixture.press("btn-0002");
      fixture.press("btn-0001");
      By card = By.cssSelector("#incidents [data-testid=incident-card][data-cause=emergency_button]");
      browser.await(card);
      assertThat(browser.text(card)).contains("101");

      // Family may accept and confirm on site, nothing more.
      assertThat(browser.driver.findElements(
          By.cssSelector("#incidents [data-testid=action-cancel], [data-testid=action-assign]")))
          .isEmpty();
      browser.click(By.cssSelector("#incidents [data-testid=action-accept]"));
      browser.click(By.cssSelector("[data-testid=eta-pick-30]"));
      browser.click(By.cssSelector("[data-testid=dialog-submit]"));
      browser.waiting().until(d -> "accepted".equals(browser.attribute(card, "data-state")));
      browser.await(By.cssSelector("#incidents [data-testid=action-on_site]"));

      browser.await(By.cssSelector("[data-testid=device-row]"));
      browser.await(By.cssSelector("#vitals [data-testid=vitals-chart]"));
      browser.click(By.cssSelector("[data-testid=range-7d]"));
      browser.waiting().until(d -> "true".equals(
          browser.attribute(By.cssSelector("[data-testid=range-7d]"), "aria-selected"))
          && browser.attribute(By.id("vitals"), "aria-busy") == null);
      browser.click(By.cssSelector("[data-testid=range-24h]"));
      browser.await(By.cssSelector("#vitals [data-testid=vitals-chart]"));
      // The dip below the SpO2 limit is marked, and the limit is drawn.
      By spo2 = By.cssSelector("[data-testid=vital-spo2]");
      assertThat(browser.await(spo2).findElements(By.cssSelector("[data-testid=abnormal-point]")))
          .isNotEmpty();
      assertThat(browser.await(spo2).findElements(By.cssSelector("[data-testid=limit-line]")))
          .isNotEmpty();
      browser.screenshot("family");
      assertThat(browser.consoleErrors()).isEmpty();

      // What asking for B directly gives: the same as for a household that does not exist.
      String probe = browser.fetch(fixture.baseUrl() + "/api/v1/households/hh-0002");
      assertThat(probe).contains("not_found");

      List<String> traffic = browser.apiTraffic();
      assertThat(traffic).anySatisfy(t -> assertThat(t).contains("/api/v1/me"));
      assertThat(traffic).anySatisfy(t -> assertThat(t).startsWith("event incident"));
      for (String response : traffic) {
        if (response.contains("/api/v1/households/hh-0002")) {
          continue; // the probe above
        }
        assertThat(response).doesNotContain(HOUSEHOLD_B);
      }
      String page = browser.pageSource();
      assertThat(page).doesNotContain(HOUSEHOLD_B).doesNotContain("Resident 0002");
      assertThat(browser.pageText()).doesNotContainPattern("(^|[^0-9])102([^0-9]|$)");
    }
  }

  private static List<Incident> openIncidents() {
    return fixture.gateway().gateway().alerting().orElseThrow().engine().openIncidents();
  }
}
