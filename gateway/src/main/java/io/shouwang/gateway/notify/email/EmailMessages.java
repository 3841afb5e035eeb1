package io.shouwang.gateway.notify.email;

import io.shouwang.alerting.notify.Page;
import io.vertx.ext.mail.MailMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Turns a page into an e-mail: subject, plain text, optional HTML and dedup headers. */
final class EmailMessages {

  /** The idempotency key header; mail filters and ticket systems can drop duplicates by it. */
  static final String IDEMPOTENCY_HEADER = "X-Shouwang-Idempotency-Key";

  private EmailMessages() {}

  /** The message; an IllegalArgumentException when the key has control characters. */
  static MailMessage build(Page page, String from, boolean html) {
    if (page.idempotencyKey().chars().anyMatch(Character::isISOControl)) {
      // Written into a header: a line break would let a page add headers (Bcc) of its own.
      throw new IllegalArgumentException("idempotency key has control characters");
    }
    String text = text(page);
    MailMessage message =
        new MailMessage()
            .setFrom(from)
            .setTo(page.recipient().email().strip())
            .setSubject(oneLine(page.title()))
            .setText(text)
            .addHeader(IDEMPOTENCY_HEADER, page.idempotencyKey())
            .addHeader("Message-ID", messageId(page.idempotencyKey(), domainOf(from)));
    if (html) {
      message.setHtml(html(page, text));
    }
    return message;
  }

  /**
   * A Message-ID that is the same for every retry of the page, so mail stores that deduplicate by
   * it keep one copy. A hash, because the key holds characters a Message-ID may not.
   */
  static String messageId(String idempotencyKey, String domain) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".page@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The domain of an address such as {@code a@example.org} or {@code Name <a@example.org>}. */
  static String domainOf(String address) {
    String bare = address.strip();
    int open = bare.lastIndexOf('<');
    if (open >= 0 && bare.endsWith(">")) {
      bare = bare.substring(open + 1, bare.length() - 1);
    }
    int at = bare.lastIndexOf('@');
    String domain = at > 0 ? bare.substring(at + 1) : "";
    return domain.matches("[A-Za-z0-9.-]+") ? domain : null;
  }

  private static String text(Page page) {
    String body = page.body() == null ? "" : page.body().strip();
    String link = page.acceptUrl();
    if (link == null || link.isBlank() || body.contains(link)) {
      return body + "\n";
    }
    return body + "\n\n" + link + "\n";
  }

  private static String html(Page page, String text) {
    StringBuilder html = new StringBuilder("<html><body><p>");
    html.append(escape(text.strip()).replace("\n", "<br>\n"));
    html.append("</p>");
    if (page.acceptUrl() != null && !page.acceptUrl().isBlank()) {
      html.append("<p><a href=\"").append(escape(page.acceptUrl())).append("\">")
          .append(escape(page.acceptUrl())).append("</a></p>");
    }
    return html.append("</body></html>").toString();
  }

  private static String oneLine(String title) {
    return title == null ? "" : title.replaceAll("[\\r\\n]+", " ").strip();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
