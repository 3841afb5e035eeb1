package io.shouwang.gateway.notify.sms;

/**
 * The text of one SMS: the title, then the body, then the accept link, within a length budget.
 *
 * <p>A Chinese SMS segment holds 70 characters (UCS-2), so pages are cut to the configured length
 * rather than split into several messages that may arrive out of order. The link is never cut: a
 * page without a working link cannot be accepted from the phone. Lengths count UTF-16 units, as
 * the operators do, and a cut never splits a surrogate pair.
 */
final class SmsText {

  static final String ELLIPSIS = "…";

  private SmsText() {}

  static String compose(String title, String body, String acceptUrl, int maxLength) {
    String link = acceptUrl == null || acceptUrl.isBlank() ? "" : acceptUrl.strip();
    String message = join(title, body);
    if (!link.isEmpty()) {
      // The link goes last and once, even when the body already quotes it.
      message = message.replace(link, "").strip();
    }
    if (link.isEmpty()) {
      return cut(message, maxLength);
    }
    int budget = maxLength - link.length() - 1;
    if (message.isEmpty() || budget < 2) {
      return link;
    }
    return cut(message, budget) + " " + link;
  }

  private static String join(String title, String body) {
    String head = title == null ? "" : title.strip();
    String tail = body == null ? "" : body.strip().replaceAll("\\n\\s*\\n+", "\n");
    if (head.isEmpty() || tail.isEmpty()) {
      return head + tail;
    }
    return head + "\n" + tail;
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - ELLIPSIS.length();
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, Math.max(0, end)).stripTrailing() + ELLIPSIS;
  }
}
