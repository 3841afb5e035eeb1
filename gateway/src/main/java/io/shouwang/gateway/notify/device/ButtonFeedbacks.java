package io.shouwang.gateway.notify.device;

import com.google.protobuf.Timestamp;
import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.Page;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.ButtonFeedback;
import io.shouwang.schemas.v1.Command;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds the button feedback command for a resident's page: the device from {@code deviceId} in
 * the page's data, the signal from {@code signal} (HELP_COMING when absent), spoken text in the
 * resident's language.
 */
final class ButtonFeedbacks {

  static final String DEVICE_ID = "deviceId";
  static final String SIGNAL = "signal";

  private ButtonFeedbacks() {}

  /** The command, or a non-retryable {@link ChannelException} when the page cannot make one. */
  static Command build(Page page, Instant now, Duration expiry) {
    String deviceId = page.data().get(DEVICE_ID);
    if (!Topic.isValidDeviceId(deviceId)) {
      throw ChannelException.forStatus(
          "device: page " + page.idempotencyKey() + " has no valid data." + DEVICE_ID, 400, null);
    }
    ButtonFeedback.Signal signal = signal(page);
    boolean english = "en".equalsIgnoreCase(page.recipient().language());
    ButtonFeedback feedback =
        ButtonFeedback.newBuilder()
            .setSignal(signal)
            .setSpokenText(spokenText(page, signal, english))
            .build();
    return Command.newBuilder()
        .setCommandId(commandId(page.idempotencyKey()))
        .setDeviceId(deviceId)
        .setIssuedAt(timestamp(now))
        .setExpiresAt(timestamp(now.plus(expiry)))
        .setButtonFeedback(feedback)
        .build();
  }

  /**
   * The same id for every retry of a page, so a button that gets the command twice (QoS 1 allows
   * it) speaks once.
   */
  static String commandId(String idempotencyKey) {
    return UUID.nameUUIDFromBytes(("button-feedback:" + idempotencyKey)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The page title when the engine wrote one (it knows what happened), otherwise a fixed phrase
   * for the signal.
   */
  static String spokenText(Page page, ButtonFeedback.Signal signal, boolean english) {
    if (page.title() != null && !page.title().isBlank()) {
      return page.title().strip();
    }
    return switch (signal) {
      case RESPONDER_ON_SITE -> english ? "Your helper has arrived" : "救助人员已到达";
      case CANCELLED -> english ? "Your call has been cancelled" : "呼叫已取消";
      default -> english ? "Help is on the way" : "已有人接警，马上就到";
    };
  }

  private static ButtonFeedback.Signal signal(Page page) {
    String name = page.data().get(SIGNAL);
    if (name == null || name.isBlank()) {
      return ButtonFeedback.Signal.HELP_COMING;
    }
    try {
      ButtonFeedback.Signal signal =
          ButtonFeedback.Signal.valueOf(name.strip().toUpperCase(Locale.ROOT));
      if (signal != ButtonFeedback.Signal.SIGNAL_UNSPECIFIED
          && signal != ButtonFeedback.Signal.UNRECOGNIZED) {
        return signal;
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the error below.
    }
    throw ChannelException.forStatus(
        "device: unknown data." + SIGNAL + " '" + name
            + "' (expected HELP_COMING, RESPONDER_ON_SITE or CANCELLED)", 400, null);
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
