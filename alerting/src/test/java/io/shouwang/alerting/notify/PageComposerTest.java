package io.shouwang.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.config.ConfigFiles;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.PlacedHousehold;
import io.shouwang.registry.Registry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageComposerTest {

  private static final Instant OPENED = Instant.parse("2026-03-02T06:03:00Z");

  private final Registry registry = TestRegistry.households(3);
  private final MutableClock clock = new MutableClock(OPENED.plus(Duration.ofMinutes(2)));

  @Test
  void chinesePageSaysWhoWhereWhatSinceWhenAndHowToAccept() {
    PageComposer composer = new PageComposer(
        ConfigFiles.withAcceptUrl("http://localhost:8080/incidents/{id}"), clock);

    Page page = composer.compose(incident(Cause.EMERGENCY_BUTTON, Map.of()), place("hh-0001"),
        caregiver("zh"), "sms", "inc-1/0/0/cg-wu/sms", 0, 0);

    assertThat(page.title()).isEqualTo("【紧急】王秀英 3号楼 501室 按了紧急按钮");
    assertThat(page.body()).contains("王秀英", "幸福里社区", "幸福路 88 弄 3 号", "按了紧急按钮",
        "开始：03-02 14:03（2分钟前）", "接单：http://localhost:8080/incidents/inc-1");
    assertThat(page.acceptUrl()).isEqualTo("http://localhost:8080/incidents/inc-1");
    assertThat(page.idempotencyKey()).isEqualTo("inc-1/0/0/cg-wu/sms");
    assertThat(page.data()).containsEntry("incidentId", "inc-1").containsEntry("step", "0")
        .containsEntry("cause", "emergency_button");
  }

  @Test
  void englishRecipientGetsEnglishAndRepeatsSayWhichReminder() {
    PageComposer composer = new PageComposer(AlertingConfig.defaults(), clock);

    Page page = composer.compose(incident(Cause.FIRE, Map.of()), place("hh-0002"),
        caregiver("en"), "sms", "k", 2, 1);

    assertThat(page.title()).isEqualTo(
        "[URGENT] Mary Zhou 3号楼, flat 502 smoke alarm (reminder 1)");
    assertThat(page.body()).contains("Since: 03-02 14:03 (2 min ago)");
  }

  @Test
  void readingsStayOutOfTitlesAndGoOnlyToPeopleWhoCareForTheResident() {
    PageComposer composer = new PageComposer(AlertingConfig.defaults(), clock);
    Incident vitals = incident(Cause.ABNORMAL_VITALS, Map.of("spo2_percent", "86"));

    Page toFamily = composer.compose(vitals, place("hh-0001"),
        new Recipient("ct-0001-f", "王小明", "family", "zh", "+86 1", null), "sms", "k", 1, 0);
    Page toNeighbour = composer.compose(vitals, place("hh-0001"),
        new Recipient("ct-0001-n", "李阿姨", "neighbour", "zh", "+86 2", null), "sms", "k", 1, 0);

    assertThat(toFamily.title()).doesNotContain("86");
    assertThat(toFamily.body()).contains("spo2_percent 86");
    assertThat(toNeighbour.body()).doesNotContain("spo2").doesNotContain("详情");
  }

  @Test
  void withoutAnAcceptUrlThePageSaysHowToAcceptAnyway() {
    PageComposer composer = new PageComposer(AlertingConfig.defaults(), clock);

    Page toCaregiver = composer.compose(incident(Cause.EMERGENCY_BUTTON, Map.of()),
        place("hh-0001"), caregiver("zh"), "sms", "k", 0, 0);
    Page toDesk = composer.compose(incident(Cause.EMERGENCY_BUTTON, Map.of()), place("hh-0001"),
        new Recipient(TestRegistry.DESK, "值班台", "duty_desk", "zh", "+86 3", null),
        "dashboard", "k", 0, 0);

    assertThat(toCaregiver.acceptUrl()).isNull();
    assertThat(toCaregiver.body()).contains("请致电社区值班台 +86 21 5555 0100");
    assertThat(toDesk.body()).contains("请在值班台大屏上接单");
  }

  private PlacedHousehold place(String householdId) {
    return registry.placedHousehold(householdId).orElseThrow();
  }

  private static Recipient caregiver(String language) {
    return new Recipient("cg-wu", "吴芳", "caregiver", language, "+86 138", null);
  }

  private static Incident incident(Cause cause, Map<String, String> details) {
    return new Incident("inc-1", "hh-0001", cause, Severity.CRITICAL, IncidentState.RAISED,
        "standard", OPENED, OPENED, null, null, null, 1, -1, 0, null, "btn-0001", "",
        details, List.of(), List.of());
  }
}
