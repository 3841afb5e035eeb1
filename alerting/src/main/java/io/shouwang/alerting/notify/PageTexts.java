package io.shouwang.alerting.notify;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Severity;

/** The fixed words of pages, in Chinese and English. */
final class PageTexts {

  private final boolean zh;

  private PageTexts(boolean zh) {
    this.zh = zh;
  }

  /** Chinese unless the language is English. */
  static PageTexts of(String language) {
    return new PageTexts(!"en".equals(language));
  }

  boolean chinese() {
    return zh;
  }

  String tag(Severity severity) {
    return switch (severity) {
      case CRITICAL -> zh ? "【紧急】" : "[URGENT] ";
      case HIGH -> zh ? "【重要】" : "[IMPORTANT] ";
      case NORMAL -> zh ? "【提醒】" : "[NOTICE] ";
      case INFO -> zh ? "【服务】" : "[SERVICE] ";
    };
  }

  /** What happened, short enough for a title; never a reading. */
  String what(Cause cause) {
    return switch (cause) {
      case EMERGENCY_BUTTON -> zh ? "按了紧急按钮" : "pressed the emergency button";
      case SERVICE_REQUEST -> zh ? "请求上门服务" : "asked for a service visit";
      case FIRE -> zh ? "烟雾报警" : "smoke alarm";
      case GAS_LEAK -> zh ? "燃气泄漏报警" : "gas leak alarm";
      case BREAK_IN -> zh ? "门窗被强行打开" : "door or window forced open";
      case ABNORMAL_VITALS -> zh ? "健康指标异常" : "abnormal vital signs";
      case PROTECTION_LOST -> zh ? "安全设备离线，家中无保护" : "safety device offline, home unprotected";
      case DEVICE_OFFLINE -> zh ? "设备离线" : "device offline";
      case LOW_BATTERY -> zh ? "设备电量低" : "device battery low";
      case TAMPER -> zh ? "设备被拆动" : "device tampered with";
      case INACTIVITY -> zh ? "长时间无活动" : "no movement for a long time";
    };
  }

  String reminder(int round) {
    return zh ? "（第" + (round + 1) + "次通知）" : " (reminder " + round + ")";
  }

  String flat(String building, String flat) {
    return zh ? building + " " + flat + "室" : building + ", flat " + flat;
  }

  String and(int more) {
    return zh ? "等" + (more + 1) + "人" : " and " + more + " more";
  }

  String addressLine(String address) {
    return (zh ? "地址：" : "Address: ") + address;
  }

  String eventLine(String what, String summary) {
    String base = (zh ? "事件：" : "What: ") + what;
    return summary == null || summary.isBlank() ? base : base + (zh ? "（" + summary + "）"
        : " (" + summary + ")");
  }

  String detailsLine(String details) {
    return (zh ? "详情：" : "Details: ") + details;
  }

  String sinceLine(String time, long minutes) {
    return zh ? "开始：" + time + "（" + minutes + "分钟前）"
        : "Since: " + time + " (" + minutes + " min ago)";
  }

  String acceptLine(String url) {
    return (zh ? "接单：" : "Accept: ") + url;
  }

  String acceptByPhone(String phone) {
    return zh ? "接单：请致电社区值班台 " + phone : "Accept: call the duty desk on " + phone;
  }

  String acceptAtDesk() {
    return zh ? "接单：请在值班台大屏上接单" : "Accept: on the duty desk dashboard";
  }
}
