package io.shouwang.gateway.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.ext.mail.StartTLSOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailOptionsTest {

  private static final String PASSWORD = "smtp-pass-0a1b2c3d";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "no host            | ''        | 587   | u    | p    | a@example.org | email.host",
    "port out of range  | smtp.host | 70000 | u    | p    | a@example.org | email.port",
    "user, no password  | smtp.host | 587   | u    | ''   | a@example.org | email.password",
    "password, no user  | smtp.host | 587   | ''   | p    | a@example.org | email.username",
    "from not an address| smtp.host | 587   | ''   | ''   | alerts        | email.from"
  })
  void badOptionNamesTheKey(String why, String host, int port, String user, String password,
      String from, String key) {
    assertThatThrownBy(() -> new EmailOptions(host, port, null, false, blankToNull(user),
        blankToNull(password), from, null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key);
  }

  @Test
  void unsetStarttlsAndTimeoutTakeSafeDefaultsAndToStringHidesTheLogin() {
    EmailOptions options = new EmailOptions("smtp.example.org", 587, null, false,
        "alerts@example.org", PASSWORD, "守望 <alerts@example.org>", null, false);

    assertThat(options.starttls()).isEqualTo(StartTLSOptions.REQUIRED);
    assertThat(options.timeout()).isEqualTo(EmailOptions.DEFAULT_TIMEOUT);
    assertThat(options.toString()).doesNotContain(PASSWORD, "alerts@example.org");
  }

  @Test
  void messageIdIsStableValidAndFromTheSendersDomain() {
    String id = EmailMessages.messageId("inc-1:2:0:cg 7/<x>:email", "example.org");

    assertThat(id).matches("<[0-9a-f]{32}\\.page@example\\.org>")
        .isEqualTo(EmailMessages.messageId("inc-1:2:0:cg 7/<x>:email", "example.org"))
        .isNotEqualTo(EmailMessages.messageId("inc-1:2:1:cg 7/<x>:email", "example.org"));
    assertThat(EmailMessages.domainOf("守望 <alerts@shouwang.example.org>"))
        .isEqualTo("shouwang.example.org");
  }

  @Test
  void relayWithoutLoginIsAllowed() {
    EmailOptions relay = new EmailOptions("relay.local", 25, StartTLSOptions.DISABLED, false,
        null, null, "alerts@example.org", Duration.ofSeconds(3), true);

    assertThat(relay.authenticates()).isFalse();
  }

  private static String blankToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
