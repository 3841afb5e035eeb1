package io.shouwang.gateway.notify;

import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import java.time.Instant;
import java.util.Map;

/** Pages and recipients for channel tests; their contact details must never reach a log. */
public final class Pages {

  public static final String PHONE = "+8613912345678";
  public static final String EMAIL = "li.na@example.org";
  public static final Instant CREATED = Instant.parse("2026-11-03T08:15:30Z");
  public static final String ACCEPT_URL = "https://sw.example.org/a/8f3k2m";

  private Pages() {}

  public static Recipient caregiver() {
    return new Recipient("cg-0007", "李娜", "caregiver", "zh", PHONE, EMAIL);
  }

  public static Recipient resident(String language) {
    return new Recipient("r-0102", "王秀英", "resident", language, null, null);
  }

  /** A page for a caregiver with every field set. */
  public static Page page(String channel) {
    return page(channel, caregiver());
  }

  public static Page page(String channel, Recipient recipient) {
    return new Page(
        "inc-42:1:0:" + recipient.id() + ":" + channel,
        "inc-42",
        channel,
        recipient,
        "【紧急】王秀英 3号楼 502 按了紧急按钮",
        "王秀英（87岁）按了紧急按钮。\n地点：3号楼 502\n时间：08:15\n接警：" + ACCEPT_URL,
        ACCEPT_URL,
        Map.of("household", "hh-0102", "cause", "button_press", "severity", "critical",
            "deviceId", "btn-0102"),
        CREATED);
  }
}
