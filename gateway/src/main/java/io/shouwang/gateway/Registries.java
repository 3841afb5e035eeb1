package io.shouwang.gateway;

import io.shouwang.registry.Registry;
import io.shouwang.registry.RegistryException;
import io.shouwang.registry.RegistryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Chooses the registry: the configured file, or the bundled demo registry. */
final class Registries {

  static final String DEMO_RESOURCE = "/registry/demo-registry.yaml";

  private Registries() {}

  static Registry load(Optional<Path> file) throws RegistryException {
    if (file.isPresent()) {
      return RegistryLoader.load(file.get());
    }
    // The loader reads files (for line numbers in errors); give it a copy of the bundled one.
    try (InputStream in = Registries.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEMO_RESOURCE + " on the class path");
      }
      Path copy = Files.createTempFile("shouwang-demo-registry", ".yaml");
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return RegistryLoader.load(copy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled demo registry", e);
    }
  }
}
