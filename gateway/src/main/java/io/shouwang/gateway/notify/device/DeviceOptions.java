package io.shouwang.gateway.notify.device;

import io.shouwang.gateway.notify.OptionChecks;
import java.time.Duration;

/**
 * How feedback commands are sent to residents' buttons.
 *
 * @param expiry how long a button may still act on the command after it was issued; a button
 *     that reconnects later must not announce help that was cancelled long ago; null for the
 *     default
 * @param timeout how long the broker may take to accept the command; null for the default
 */
public record DeviceOptions(Duration expiry, Duration timeout) {

  /** Ten minutes: longer than a broker reconnect, shorter than a responder's walk. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

  /** Five seconds: a QoS 1 publish to a local broker. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public DeviceOptions {
    expiry = OptionChecks.positiveOr(expiry, DEFAULT_EXPIRY, "device.expiry");
    timeout = OptionChecks.positiveOr(timeout, DEFAULT_TIMEOUT, "device.timeout");
  }

  /** The defaults. */
  public static DeviceOptions defaults() {
    return new DeviceOptions(null, null);
  }
}
