package io.shouwang.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

  @Test
  void aNewHashIsArgon2idSaltedAndMatchesOnlyItsPassword() {
    String hash = PasswordHashes.hash("correct horse");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PasswordHashes.hash("correct horse")).isNotEqualTo(hash);
    assertThat(PasswordHashes.matches("correct horse", hash)).isTrue();
    assertThat(PasswordHashes.matches("correct horsf", hash)).isFalse();
  }

  @Test
  void damagedOrUnknownHashesAreAWrongPasswordNotACrash() {
    assertThat(PasswordHashes.matches("x", "$argon2id$broken")).isFalse();
    assertThat(PasswordHashes.matches("x", "plain")).isFalse();
    assertThat(PasswordHashes.matches(null, "plain")).isFalse();
  }
}
