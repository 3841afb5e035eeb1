package io.shouwang.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The duty desk's wall screen in a real browser against a real gateway: a press travels device →
 * broker → alert engine → live stream → queue, and the desk takes it to resolved.
 */
@Timeout(300)
class BrowserDutyDeskIT {

  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

  @RegisterExtension static final PagesFixture fixture = new PagesFixture();

  @Test
  void pressAppearsInTheQueueAndIsAcceptedOnSiteAndResolvedWithTheWholeTimeline()
      throws Exception {
    try (Browser browser = fixture.desktop()) {
      browser.login("desk", PagesFixture.PASSWORD, "/desk.html");
      browser.await(By.cssSelector("[data-testid=queue-empty]"));

      fixture.press("btn-0001");

      By card = By.cssSelector("#queue [data-testid=incident-card][data-cause=emergency_button]");
      browser.await(card);
      String id = browser.attribute(card, "data-incident-id");
      assertThat(browser.attribute(card, "data-severity")).isEqualTo("critical");
      assertThat(browser.text(card)).contains("101").contains("Resident 0001");
      // A new critical incident flashes the screen (and beeps once sound is unlocked).
      browser.waiting().until(d -> id.equals(browser.attribute(By.tagName("body"),
          "data-flashed-incident")));
      assertThat(browser.await(By.cssSelector("[data-testid=new-critical-banner]")).getText())
          .contains("101");

      browser.click(By.cssSelector("#queue [data-incident-id='" + id + "'] .where"));
      By detail = By.cssSelector("#detail [data-testid=incident-card][data-incident-id='" + id
          + "']");
      browser.await(detail);

      browser.click(By.cssSelector("#detail [data-testid=action-accept]"));
      browser.type(By.cssSelector("[data-testid=eta-input]"), "7");
      browser.click(By.cssSelector("[data-testid=dialog-submit]"));
      awaitState(browser, detail, "accepted");
      assertThat(browser.text(By.cssSelector("#detail [data-testid=accepted-by]")))
          .contains("Desk User");

      browser.click(By.cssSelector("#detail [data-testid=action-on_site]"));
      awaitState(browser, detail, "on_site");

      browser.click(By.cssSelector("#detail [data-testid=action-resolve]"));
      new Select(browser.await(By.cssSelector("[data-testid=outcome-select]")))
          .selectByValue("helped_at_home");
      browser.type(By.cssSelector("[data-testid=note-input]"), "helped up, no injury");
      browser.click(By.cssSelector("[data-testid=dialog-submit]"));
      awaitState(browser, detail, "resolved");

      browser.waiting().until(d -> timeline(browser).contains("resolved"));
      assertThat(timeline(browser)).containsSubsequence(
          "raised", "step_paged", "accepted", "on_site", "resolved");
      assertThat(browser.text(By.cssSelector("#detail [data-testid=timeline]")))
          .contains("helped up, no injury");
      browser.waiting().until(d -> d.findElements(
          By.cssSelector("#queue [data-incident-id='" + id + "']")).isEmpty());
      browser.screenshot("desk-resolved");

      // The wall as it usually looks: a few open incidents, one taken.
      fixture.press("btn-0002");
      fixture.press("btn-0003");
      By queued = By.cssSelector("#queue [data-testid=incident-card]");
      browser.waiting().until(d -> d.findElements(queued).size() == 2);
      browser.click(By.cssSelector("#queue [data-testid=incident-card] .where"));
      browser.await(By.cssSelector("#detail [data-testid=timeline]"));
      browser.click(By.id("new-critical-dismiss"));
      browser.waiting().until(d -> !d.findElement(By.tagName("body")).getDomAttribute("class")
          .contains("flash") && !d.findElement(By.id("toast")).isDisplayed());
      browser.screenshot("desk");

      browser.open("/resident.html?household=hh-0001");
      assertThat(browser.text(By.id("household-title"))).contains("101").contains("Resident 0001");
      browser.await(By.cssSelector("[data-testid=device-row]"));
      browser.waiting().until(d -> browser.attribute(By.id("vitals"), "aria-busy") == null);
      browser.screenshot("resident");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  @Test
  void languageSwitchesBetweenChineseAndEnglishAndTheChoiceIsRemembered() throws Exception {
    try (Browser browser = fixture.desktop()) {
      browser.open("/login.html");
      assertThat(browser.text(By.cssSelector("#login-form h2"))).isEqualTo("登录");
      assertThat(browser.attribute(By.tagName("html"), "lang")).isEqualTo("zh-CN");
      browser.screenshot("login");

      browser.click(By.cssSelector("[data-testid=lang-en]"));
      assertThat(browser.text(By.cssSelector("#login-form h2"))).isEqualTo("Log in");
      assertThat(browser.attribute(By.tagName("html"), "lang")).isEqualTo("en-GB");
      assertThat(withoutLanguageButtons(browser)).doesNotContainPattern(CJK);

      // The login form reloads the page: English is remembered.
      browser.login("desk", PagesFixture.PASSWORD, "/desk.html");
      assertThat(browser.text(By.cssSelector("h1"))).isEqualTo(
          "Community service centre duty desk");
      browser.await(By.cssSelector("#grid [data-testid=household-tile]"));
      assertThat(withoutLanguageButtons(browser)).doesNotContainPattern(CJK);
      browser.screenshot("desk-en");
      browser.open("/resident.html?household=hh-0001");
      browser.await(By.cssSelector("[data-testid=device-row]"));
      browser.waiting().until(d -> browser.attribute(By.id("vitals"), "aria-busy") == null);
      assertThat(withoutLanguageButtons(browser)).doesNotContainPattern(CJK);
      browser.open("/desk.html");

      browser.click(By.cssSelector("[data-testid=lang-zh]"));
      assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("社区服务中心值班台");
      assertThat(browser.text(By.id("queue-heading"))).isEqualTo("警情队列");
      browser.driver.navigate().refresh();
      assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("社区服务中心值班台");
      assertThat(browser.attribute(By.tagName("html"), "lang")).isEqualTo("zh-CN");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  private static void awaitState(Browser browser, By card, String state) {
    browser.waiting().until(d -> state.equals(browser.attribute(card, "data-state")));
  }

  private static List<String> timeline(Browser browser) {
    return browser.driver.findElements(By.cssSelector("#detail [data-testid=timeline-entry]"))
        .stream().map(e -> e.getDomAttribute("data-action")).toList();
  }

  /**
   * The page's visible text, less the "中文" button that names the other language and the logo's
   * 守 (a mark, not a word).
   */
  private static String withoutLanguageButtons(Browser browser) {
    String text = browser.pageText();
    for (WebElement button : browser.driver.findElements(
        By.cssSelector("[data-lang], .logo"))) {
      text = text.replace(button.getText(), "");
    }
    return text;
  }
}
