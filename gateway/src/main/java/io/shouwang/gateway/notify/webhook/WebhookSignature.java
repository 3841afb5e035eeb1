package io.shouwang.gateway.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature, {@code X-Shouwang-Signature: t=<unix seconds>,v1=<hex>}, where v1 is
 * HMAC-SHA256 keyed with the shared secret over {@code <t>.<raw body>} (the scheme Stripe uses).
 * Signing the timestamp with the body lets a receiver refuse replays of an old request.
 */
public final class WebhookSignature {

  /** The header carrying the signature. */
  public static final String HEADER = "X-Shouwang-Signature";

  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  /** The header value for a body sent at the given time. */
  public static String header(String secret, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, unixSeconds, body));
  }

  /**
   * Whether the header is a valid signature of the body made no more than {@code toleranceSeconds}
   * away from {@code nowSeconds}; compares in constant time.
   */
  public static boolean verify(
      String secret, String header, byte[] body, long nowSeconds, long toleranceSeconds) {
    if (header == null) {
      return false;
    }
    Long timestamp = null;
    byte[] expected = null;
    for (String part : header.split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      try {
        if (pair[0].equals("t")) {
          timestamp = Long.parseLong(pair[1]);
        } else if (pair[0].equals("v1") && expected == null) {
          expected = HexFormat.of().parseHex(pair[1]);
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (timestamp == null || expected == null
        || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
      return false;
    }
    return MessageDigest.isEqual(expected, mac(secret, timestamp, body));
  }

  private static byte[] mac(String secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime ships HmacSHA256; reaching this is a broken JDK.
      throw new IllegalStateException(ALGORITHM + " unavailable", e);
    }
  }
}
