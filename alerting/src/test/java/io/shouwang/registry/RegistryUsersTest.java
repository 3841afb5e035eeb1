package io.shouwang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryUsersTest {

  // A real Argon2id hash (of "secret"); the registry checks its form, the gateway checks passwords.
  static final String HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$J6SwpV27ERay7bYIA2uyrg$R0YCdK8NZ+dK5mwvaMr8kg0qeWOUoVA5mLurxFCPVYk";
  static final String BCRYPT = "$2b$10$" + "a".repeat(53);

  @TempDir Path dir;

  @Test
  void everyRoleLoadsWithNamesTakenFromTheRegistryWhereItHasThem() throws Exception {
    Registry registry = load("""
        users:
          - {username: desk, name: 值班员, role: duty_desk, community: c1, passwordHash: "%1$s"}
          - {username: cg, role: caregiver, caregiver: cg1, passwordHash: "%1$s"}
          - {username: fam, role: family, contact: ct1, passwordHash: "%2$s"}
          - {username: root, name: 管理员, role: admin, passwordHash: "%1$s"}
        """.formatted(HASH, BCRYPT));

    assertThat(registry.users()).extracting(UserAccount::username)
        .containsExactly("desk", "cg", "fam", "root");
    UserAccount caregiver = registry.user("cg").orElseThrow();
    assertThat(caregiver.role()).isEqualTo(AccessRole.CAREGIVER);
    assertThat(caregiver.scopeId()).isEqualTo("cg1");
    assertThat(caregiver.name()).isEqualTo("张敏");
    assertThat(registry.user("fam").orElseThrow().scopeId()).isEqualTo("ct1");
    assertThat(registry.user("root").orElseThrow().scopeId()).isNull();
    assertThat(registry.user("nobody")).isEmpty();
    // The hash never reaches a log line through toString.
    assertThat(caregiver.toString()).doesNotContain("argon2");
  }

  @Test
  void aRegistryWithoutUsersHasNone() throws Exception {
    assertThat(load("").users()).isEmpty();
  }

  @Test
  void badAccountsAreReportedWithTheirPaths() throws Exception {
    String users = """
        users:
          - {username: desk, name: x, role: duty_desk, community: nowhere, passwordHash: "%1$s"}
          - {username: cg, role: caregiver, caregiver: cg1, contact: ct1, passwordHash: "%1$s"}
          - {username: fam, role: family, contact: ct1, passwordHash: "plain-text"}
          - {username: Bad Name, name: x, role: admin, passwordHash: "%1$s"}
          - {username: who, role: boss, passwordHash: "%1$s"}
          - {username: root, role: admin, passwordHash: "%1$s"}
          - {username: ops, name: y, role: admin, passwordHash: "%1$s"}
          - {username: ops, name: z, role: admin, passwordHash: "%1$s"}
        """.formatted(HASH);

    assertThatThrownBy(() -> load(users))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errors())
            .anySatisfy(m -> assertThat(m).contains("users[0].community")
                .contains("no community with id 'nowhere'"))
            .anySatisfy(m -> assertThat(m).contains("users[1].contact")
                .contains("a caregiver user has no 'contact'"))
            .anySatisfy(m -> assertThat(m).contains("users[2].passwordHash")
                .contains("hash-password"))
            .anySatisfy(m -> assertThat(m).contains("users[3].username")
                .contains("invalid username 'Bad Name'"))
            .anySatisfy(m -> assertThat(m).contains("users[4].role").contains("boss"))
            .anySatisfy(m -> assertThat(m).contains("users[5]").contains("'name'"))
            .anySatisfy(m -> assertThat(m).contains("users[7]")
                .contains("duplicate username 'ops'")));
  }

  private Registry load(String users) throws Exception {
    Path file = Files.writeString(dir.resolve("registry.yaml"),
        RegistryValidationTest.VALID + "\n" + users);
    return RegistryLoader.load(file, Year.of(2026));
  }
}
