package io.shouwang.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Cause;
import org.junit.jupiter.api.Test;

class IncidentIdsTest {

  @Test
  void incidentIdIsDeterministicFromHouseholdCauseAndFirstMessage() {
    // GIVEN / WHEN the same household, cause and first message key, twice
    String a = IncidentIds.incidentId("hh-0001", Cause.EMERGENCY_BUTTON, "btn-0001/1/17");
    String b = IncidentIds.incidentId("hh-0001", Cause.EMERGENCY_BUTTON, "btn-0001/1/17");

    // THEN the ids are equal, and stable across versions of this code
    assertThat(a).isEqualTo(b).matches("inc-[0-9a-f]{20}");
    assertThat(a).isEqualTo(IncidentIds.incidentId("hh-0001", Cause.EMERGENCY_BUTTON,
        "btn-0001/1/17"));
  }

  @Test
  void anyDifferenceGivesAnotherId() {
    String base = IncidentIds.incidentId("hh-0001", Cause.EMERGENCY_BUTTON, "btn-0001/1/17");

    assertThat(IncidentIds.incidentId("hh-0002", Cause.EMERGENCY_BUTTON, "btn-0001/1/17"))
        .isNotEqualTo(base);
    assertThat(IncidentIds.incidentId("hh-0001", Cause.FIRE, "btn-0001/1/17"))
        .isNotEqualTo(base);
    assertThat(IncidentIds.incidentId("hh-0001", Cause.EMERGENCY_BUTTON, "btn-0001/1/18"))
        .isNotEqualTo(base);
    assertThat(IncidentIds.incidentId("hh-0001", Cause.EMERGENCY_BUTTON, "btn-0001/2/17"))
        .isNotEqualTo(base);
  }

  @Test
  void pageKeyNamesIncidentStepRoundRecipientAndChannel() {
    assertThat(IncidentIds.pageKey("inc-1", 2, 1, "cg-wu", "sms"))
        .isEqualTo("inc-1/2/1/cg-wu/sms");
  }
}
