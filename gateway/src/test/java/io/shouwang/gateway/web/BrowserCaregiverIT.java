package io.shouwang.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The caregiver's phone view: a press in my grid, accepted with an ETA from a 390 px screen. */
@Timeout(300)
class BrowserCaregiverIT {

  @RegisterExtension static final PagesFixture fixture = new PagesFixture();

  @Test
  void caregiverAcceptsAnIncidentOfTheirGridOnAPhone() throws Exception {
    try (Browser browser = fixture.phone()) {
      browser.login("carer1", PagesFixture.PASSWORD, "/caregiver.html");
      browser.await(By.cssSelector("[data-testid=queue-empty]"));

      fixture.press("btn-0002");

      By card = By.cssSelector("#queue [data-testid=incident-card][data-cause=emergency_button]");
      browser.await(card);
      assertThat(browser.text(card)).contains("102").contains("Resident 0002");
      WebElement accept = browser.await(By.cssSelector("#queue [data-testid=action-accept]"));
      assertThat(accept.getSize().getHeight()).as("touch target height").isGreaterThanOrEqualTo(44);
      long pageWidth = (Long) ((JavascriptExecutor) browser.driver)
          .executeScript("return document.documentElement.scrollWidth");
      assertThat(pageWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);

      browser.click(By.cssSelector("#queue [data-testid=action-accept]"));
      browser.click(By.cssSelector("[data-testid=eta-pick-10]"));
      browser.click(By.cssSelector("[data-testid=dialog-submit]"));
      browser.waiting().until(d -> "accepted".equals(browser.attribute(card, "data-state")));
      assertThat(browser.text(By.cssSelector("#queue [data-testid=accepted-by]")))
          .contains("Carer One");
      browser.await(By.cssSelector("#queue [data-testid=action-on_site]"));
      browser.screenshot("caregiver");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }
}
