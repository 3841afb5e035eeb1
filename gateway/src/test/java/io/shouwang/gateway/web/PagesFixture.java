package io.shouwang.gateway.web;

import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.GatewayFixture;
import io.shouwang.gateway.testing.TestPublisher;
import io.shouwang.gateway.testing.TestRegistries;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway with people who log in (TestRegistries.writeWithUsers: desk, carer1, family1, ...),
 * a real broker and a device-side MQTT client to press buttons with.
 */
final class PagesFixture implements AutoCloseable {

  static final String PASSWORD = TestRegistries.PASSWORD;

  final GatewayFixture gateway;
  private final TestPublisher devices;
  private final Map<String, AtomicLong> seq = new ConcurrentHashMap<>();

  private PagesFixture(GatewayFixture gateway, TestPublisher devices) {
    this.gateway = gateway;
    this.devices = devices;
  }

  static PagesFixture start(Path dir) throws Exception {
    return start(dir, Map.of());
  }

  /** With extra SHOUWANG_* settings for the gateway. */
  static PagesFixture start(Path dir, Map<String, String> env) throws Exception {
    GatewayFixture gateway =
        GatewayFixture.startWithRegistry(dir, TestRegistries.writeWithUsers(dir), env);
    return new PagesFixture(gateway, new TestPublisher(gateway.brokerUrl()));
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

  @Override
  public void close() throws Exception {
    try {
      devices.close();
    } finally {
      gateway.close();
    }
  }
}
