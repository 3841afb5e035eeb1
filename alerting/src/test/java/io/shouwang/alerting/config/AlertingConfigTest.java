package io.shouwang.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.alerting.Cause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertingConfigTest {

  @TempDir
  Path dir;

  @Test
  void defaultsFollowTheProductBrief() {
    AlertingConfig config = AlertingConfig.defaults();

    EscalationPolicy standard = config.policyFor("hh-any", Cause.EMERGENCY_BUTTON);
    assertThat(standard.name()).isEqualTo("standard");
    assertThat(standard.steps()).extracting(EscalationStep::after).containsExactly(
        Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(180));
    assertThat(standard.steps()).extracting(EscalationStep::groups).containsExactly(
        List.of(RecipientGroup.GRID_CAREGIVERS),
        List.of(RecipientGroup.FAMILY),
        List.of(RecipientGroup.DUTY_DESK));
    assertThat(config.policyFor("hh-any", Cause.FIRE).steps().get(0).groups())
        .contains(RecipientGroup.DUTY_DESK);
    assertThat(config.policyFor("hh-any", Cause.GAS_LEAK).name()).isEqualTo("fire_gas");
    assertThat(config.channelsFor("caregiver")).containsExactly("sms", "webhook", "dashboard");
    assertThat(config.channelsFor("family")).containsExactly("sms", "email");
    assertThat(config.channelsFor("duty_desk")).containsExactly("dashboard", "webhook", "email");
    assertThat(config.acceptUrlFor("inc-1")).isNull();
    assertThat(config.lastSeenSaveInterval()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void yamlOverridesDefaultsEntryByEntry() throws IOException {
    // GIVEN a file with a new policy, a household mapped to it, and an accept URL
    Path yaml = write("""
        acceptUrl: "http://localhost:8080/incidents/{id}"
        zone: Europe/Berlin
        lastSeenSaveInterval: 15s
        escalation:
          repeatInterval: 5m
        dispatch:
          maxAttempts: 3
        policies:
          family_first:
            steps:
              - after: 0s
                notify: [family, grid_caregivers]
              - after: 2m
                notify: [DUTY_DESK]
        households:
          hh-0002: family_first
        channels:
          family: [sms]
        """);

    // WHEN it is loaded
    AlertingConfig config = AlertingConfig.load(yaml);

    // THEN the overrides apply and everything else keeps its default
    assertThat(config.policyFor("hh-0002", Cause.EMERGENCY_BUTTON).name())
        .isEqualTo("family_first");
    assertThat(config.policyFor("hh-0002", Cause.FIRE).name()).isEqualTo("fire_gas");
    assertThat(config.policyFor("hh-0001", Cause.EMERGENCY_BUTTON).name()).isEqualTo("standard");
    assertThat(config.policy("family_first").repeatEvery()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.policy("standard").repeatEvery()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.policy("service").repeatEvery()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.channelsFor("family")).containsExactly("sms");
    assertThat(config.channelsFor("caregiver")).containsExactly("sms", "webhook", "dashboard");
    assertThat(config.dispatch().maxAttempts()).isEqualTo(3);
    assertThat(config.dispatch().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(config.lastSeenSaveInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.acceptUrlFor("inc-1")).isEqualTo("http://localhost:8080/incidents/inc-1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown key         | escalation: {repeatIntervall: 1m} | escalation.repeatIntervall",
      "bad duration            | dispatch: {timeout: soon}             | dispatch.timeout",
      "unknown policy          | households: {hh-1: nope}              | households.hh-1",
      "unknown group           | policies: {p: {steps: [{after: 0s, notify: [family, cats]}]}} "
          + "| policies.p.steps[0].notify[1]",
      "steps out of order      | policies: {p: {steps: [{after: 1m, notify: [family]}, "
          + "{after: 0s, notify: [family]}]}} | policies.p.steps[1].after",
      "no steps                | policies: {p: {steps: []}}            | policies.p.steps",
      "unknown role            | channels: {cat: [sms]}                | channels.cat",
      "unknown cause           | causePolicies: {flood: standard}      | causePolicies.flood",
      "bad language            | staffLanguage: fr                     | staffLanguage",
      "capacity out of range   | dispatch: {queueCapacity: 0}          | dispatch.queueCapacity",
      "save interval too short | lastSeenSaveInterval: 500ms           | lastSeenSaveInterval",
      "save interval too long  | lastSeenSaveInterval: 2h              | lastSeenSaveInterval",
  })
  void badValuesFailWithTheKeyNamed(String what, String yaml, String key) throws IOException {
    Path file = write(yaml);

    assertThatThrownBy(() -> AlertingConfig.load(file))
        .isInstanceOfSatisfying(AlertingConfigException.class, e -> {
          assertThat(e.key()).isEqualTo(key);
          assertThat(e.getMessage()).contains("'" + key + "'");
        });
  }

  @Test
  void emptyFileGivesTheDefaults() throws IOException {
    assertThat(AlertingConfig.load(write(""))).isEqualTo(AlertingConfig.defaults());
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("alerting.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
