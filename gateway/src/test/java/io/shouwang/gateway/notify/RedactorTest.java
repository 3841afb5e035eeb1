package io.shouwang.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void masksSecretsPersonalValuesAndQueryStrings() {
    Redactor redactor = Redactor.hiding(List.of("s3cret-key", "ab")).and("+8613912345678", null);

    String text = redactor.redact(
        "POST /hook/s3cret-key?token=abc&to=+8613912345678 for +8613912345678 ab");

    assertThat(text).isEqualTo("POST /hook/<redacted>?<redacted> for <redacted> ab");
  }

  @Test
  void scrubbedCauseKeepsClassNameAndStackTraceButNotTheSecret() {
    Exception original = new RuntimeException("wrapped",
        new TimeoutException("while executing POST /x?apikey=k1 with s3cret-key"));

    Throwable scrubbed = Redactor.hiding(List.of("s3cret-key")).scrub(original);

    assertThat(scrubbed.getMessage()).isEqualTo("java.lang.RuntimeException: wrapped");
    assertThat(scrubbed.getCause().getMessage())
        .startsWith("java.util.concurrent.TimeoutException: ")
        .doesNotContain("s3cret-key", "k1");
    assertThat(scrubbed.getStackTrace()).isEqualTo(original.getStackTrace());
  }

  @Test
  void scrubOfNothingIsNothing() {
    assertThat(Redactor.hiding(List.of()).scrub(null)).isNull();
  }
}
