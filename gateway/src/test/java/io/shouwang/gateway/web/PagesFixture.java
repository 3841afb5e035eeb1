package io.shouwang.gateway.web;

import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.GatewayFixture;
import io.shouwang.gateway.testing.TestPublisher;
import io.shouwang.gateway.testing.TestRegistries;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The gateway with people who log in (TestRegistries.writeWithUsers: desk, carer1, family1, ...),
 * a real broker and a device-side MQTT client to press buttons with, shared by the tests of a
 * class: {@code @RegisterExtension static final PagesFixture fixture = new PagesFixture();}. It is
 * started before the first test and stopped after the last, in a temporary directory of its own.
 */
final class PagesFixture implements BeforeAllCallback, AfterAllCallback {

  static final String PASSWORD = TestRegistries.PASSWORD;

  private final Map<String, String> env;
  private final Map<String, AtomicLong> seq = new ConcurrentHashMap<>();
  private Path dir;
  private GatewayFixture gateway;
  private TestPublisher devices;

  PagesFixture() {
    this(Map.of());
  }

  /** With extra SHOUWANG_* settings for the gateway. */
  PagesFixture(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("shouwang-pages-");
    gateway = GatewayFixture.startWithRegistry(dir, TestRegistries.writeWithUsers(dir), env);
    devices = new TestPublisher(gateway.brokerUrl());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (devices != null) {
        devices.close();
      }
    } finally {
      try {
        if (gateway != null) {
          gateway.close();
        }
      } finally {
        deleteTree(dir);
      }
    }
  }

  GatewayFixture gateway() {
    return gateway;
  }

  /** A browser with a wall-screen-sized window. */
  Browser desktop() throws IOException {
    return Browser.desktop(baseUrl(), dir);
  }

  /** A browser with a phone's screen. */
  Browser phone() throws IOException {
    return Browser.phone(baseUrl(), dir);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + gateway.gateway().httpPort();
  }

  /** A press of the household's emergency button, as the device sends it. */
  void press(String buttonId) throws Exception {
    devices.publish(MessageClass.EVENT, Envelopes.press(buttonId, next(buttonId), Instant.now()),
        Encoding.PROTOBUF, 1);
  }

  /** A health reading from a (JSON-speaking) health monitor, taken at the given time. */
  void vitals(String monitorId, Instant at, float heartRate, float spo2) throws Exception {
    devices.publish(MessageClass.TELEMETRY,
        Envelopes.vitals(monitorId, next(monitorId), at, heartRate, spo2), Encoding.JSON, 1);
  }

  private long next(String deviceId) {
    return seq.computeIfAbsent(deviceId, id -> new AtomicLong()).incrementAndGet();
  }

  /** Deletes dir and all below it, deepest first. */
  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
