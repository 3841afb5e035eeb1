package io.shouwang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.gateway.auth.PasswordHashes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashPasswordCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsAHashOfThePasswordOnStandardInput() {
    int code = run("a long enough password\n");

    assertThat(code).isZero();
    String hash = out.toString(StandardCharsets.UTF_8).trim();
    assertThat(PasswordHashes.matches("a long enough password", hash)).isTrue();
    assertThat(hash).doesNotContain("password");
  }

  @Test
  void refusesAShortPassword() {
    assertThat(run("short\n")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 10 characters");
    assertThat(out.size()).isZero();
  }

  private int run(String input) {
    return HashPasswordCommand.run(null,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
