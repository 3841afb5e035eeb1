package io.shouwang.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.gateway.testing.TestRegistries;
import io.shouwang.registry.Registry;
import io.shouwang.registry.RegistryLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessScopesTest {

  @TempDir Path dir;

  @Test
  void eachRoleSeesExactlyItsPartOfTheRegistry() throws Exception {
    Registry registry = RegistryLoader.load(TestRegistries.writeWithUsers(dir));
    AccessScopes scopes = new AccessScopes(registry);

    AccessScope desk = scopes.of(registry.user("desk").orElseThrow());
    assertThat(desk.households()).containsExactlyInAnyOrder("hh-0001", "hh-0002", "hh-0003");
    assertThat(desk.actorId()).isEqualTo("user:desk");
    assertThat(desk.may(Permission.ASSIGN)).isTrue();

    AccessScope carer = scopes.of(registry.user("carer1").orElseThrow());
    assertThat(carer.households()).containsExactlyInAnyOrder("hh-0001", "hh-0002");
    assertThat(carer.grids()).containsExactly("g1");
    assertThat(carer.actorId()).isEqualTo("cg-1");
    assertThat(carer.may(Permission.ASSIGN)).isFalse();

    AccessScope family = scopes.of(registry.user("family1").orElseThrow());
    assertThat(family.households()).containsExactly("hh-0001");
    assertThat(family.sees("hh-0002")).isFalse();
    assertThat(family.may(Permission.RESOLVE)).isFalse();
    assertThat(family.may(Permission.ACCEPT)).isTrue();

    AccessScope admin = scopes.of(registry.user("admin").orElseThrow());
    assertThat(admin.sees("hh-0004")).isTrue();
    assertThat(admin.may(Permission.VIEW_VITALS)).isFalse();
    assertThat(admin.may(Permission.VIEW_MEDICAL_NOTES)).isFalse();
    assertThat(admin.sees(null)).isFalse();
  }
}
