package io.shouwang.schemas;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed Shouwang topic: {@code shouwang/v1/<class>/<deviceId>[/json]}.
 *
 * <p>The topic carries the delivery class, the device id and the payload encoding, so a broker ACL
 * can pin a device to its own topics and a cheap MQTT 3.1.1 device needs no MQTT 5 properties.
 */
public record Topic(MessageClass messageClass, String deviceId, Encoding encoding) {

  /** Every Shouwang topic starts with this prefix; the version changes only with a breaking schema. */
  public static final String PREFIX = "shouwang/v1";

  static final String JSON_SUFFIX = "json";
  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public Topic {
    Objects.requireNonNull(messageClass, "messageClass");
    Objects.requireNonNull(encoding, "encoding");
    if (!isValidDeviceId(deviceId)) {
      throw new IllegalArgumentException("invalid device id: " + deviceId);
    }
  }

  /** A device id is 1-64 characters of letters, digits, '.', '_' and '-', starting alphanumeric. */
  public static boolean isValidDeviceId(String deviceId) {
    return deviceId != null && DEVICE_ID.matcher(deviceId).matches();
  }

  /** Parses a topic; empty when it is not a well-formed Shouwang topic. */
  public static Optional<Topic> parse(String topic) {
    if (topic == null || !topic.startsWith(PREFIX + "/")) {
      return Optional.empty();
    }
    String[] levels = topic.substring(PREFIX.length() + 1).split("/", -1);
    if (levels.length < 2 || levels.length > 3) {
      return Optional.empty();
    }
    Optional<MessageClass> messageClass = MessageClass.fromTopicSegment(levels[0]);
    if (messageClass.isEmpty() || !isValidDeviceId(levels[1])) {
      return Optional.empty();
    }
    Encoding encoding = Encoding.PROTOBUF;
    if (levels.length == 3) {
      if (!JSON_SUFFIX.equals(levels[2])) {
        return Optional.empty();
      }
      encoding = Encoding.JSON;
    }
    return Optional.of(new Topic(messageClass.get(), levels[1], encoding));
  }

  /** The topic string, e.g. {@code shouwang/v1/event/btn-0001}. */
  public String path() {
    String base = PREFIX + "/" + messageClass.topicSegment() + "/" + deviceId;
    return encoding == Encoding.JSON ? base + "/" + JSON_SUFFIX : base;
  }

  /** The subscription filter matching every device's messages of one class, in both encodings. */
  public static String filterFor(MessageClass messageClass) {
    return PREFIX + "/" + messageClass.topicSegment() + "/#";
  }

  @Override
  public String toString() {
    return path();
  }
}
