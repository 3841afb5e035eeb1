package io.shouwang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryJsonTest {

  @Test
  void jsonFileLoadsTheSameModelAsItsYamlEquivalent() throws Exception {
    Registry yaml = RegistryLoader.load(RegistryLookupTest.fixture("small.yaml"));

    Registry json = RegistryLoader.load(RegistryLookupTest.fixture("small.json"));

    assertThat(json.communities()).isEqualTo(yaml.communities());
    assertThat(json.placements()).isEqualTo(yaml.placements());
  }

  @Test
  void fileEndingInJsonIsReadAsJsonWhateverItsCase(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("REGISTRY.JSON");
    // Valid YAML but not JSON: proves the JSON parser was chosen.
    Files.writeString(file, "communities: []\n");

    assertThatThrownBy(() -> RegistryLoader.load(file))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("JSON syntax error at line 1, column ");
  }
}
