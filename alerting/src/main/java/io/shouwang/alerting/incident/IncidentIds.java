package io.shouwang.alerting.incident;

import io.shouwang.alerting.Cause;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic identities. An incident's id comes from its household, cause and first message,
 * so a message redelivered after a crash raises the same incident and its pages carry the same
 * idempotency keys.
 */
public final class IncidentIds {

  private IncidentIds() {}

  /** The id of the incident this message raises, e.g. {@code inc-5f1c0a9e3b7d2c4a8e61}. */
  public static String incidentId(String householdId, Cause cause, String firstMessageKey) {
    String source = householdId + "\n" + cause.label() + "\n" + firstMessageKey;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(source.getBytes(StandardCharsets.UTF_8));
      // 80 bits: collisions are out of reach for any realistic number of incidents.
      return "inc-" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The key a receiver uses to drop duplicates: the same for every retry and after restarts. */
  public static String pageKey(
      String incidentId, int step, int round, String recipientId, String channel) {
    return incidentId + "/" + step + "/" + round + "/" + recipientId + "/" + channel;
  }
}
