package io.shouwang.sim.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded broker shared by the tests of a class, started before the first and stopped after
 * the last: {@code @RegisterExtension static final EmbeddedBrokerExtension broker = new
 * EmbeddedBrokerExtension();}, then {@code broker.uri()}.
 */
public final class EmbeddedBrokerExtension implements BeforeAllCallback, AfterAllCallback {

  private Path dir;
  private EmbeddedBroker broker;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("device-sim-broker-");
    broker = EmbeddedBroker.start(dir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (broker != null) {
        broker.close();
      }
    } finally {
      deleteRecursively(dir);
    }
  }

  /** The broker's URI for Paho. */
  public String uri() {
    return broker.uri();
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (root == null) {
      return;
    }
    List<Path> deepestFirst;
    try (Stream<Path> paths = Files.walk(root)) {
      deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : deepestFirst) {
      Files.deleteIfExists(p);
    }
  }
}
