package io.shouwang.sim.mqtt;

/** A publish that did not complete; {@link #kind()} is a short label for counting errors. */
public final class PublishException extends Exception {

  private final String kind;

  PublishException(String kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** A short, stable label such as {@code not-connected} or {@code timeout}. */
  public String kind() {
    return kind;
  }

  /** Labels a Paho reason code (the same numbers in the v3 and v5 clients). */
  static String kindOf(int pahoReasonCode) {
    return switch (pahoReasonCode) {
      case 32104 -> "not-connected";
      case 32109 -> "connection-lost";
      case 32000 -> "timeout";
      case 32102, 32111 -> "client-closing";
      case 32202 -> "window-full";
      case 32203 -> "disconnected-buffer-full";
      default -> "mqtt-" + pahoReasonCode;
    };
  }
}
