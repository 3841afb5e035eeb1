package io.shouwang.gateway.alerts;

import io.shouwang.alerting.DeviceCommandSink;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.gateway.config.ConfigException;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.gateway.notify.console.ConsoleChannel;
import io.shouwang.gateway.notify.dashboard.DashboardChannel;
import io.shouwang.gateway.notify.dashboard.DashboardFeed;
import io.shouwang.gateway.notify.device.DeviceChannel;
import io.shouwang.gateway.notify.device.DeviceOptions;
import io.shouwang.gateway.notify.email.EmailChannel;
import io.shouwang.gateway.notify.email.EmailOptions;
import io.shouwang.gateway.notify.sms.SmsBodyFormat;
import io.shouwang.gateway.notify.sms.SmsChannel;
import io.shouwang.gateway.notify.sms.SmsOptions;
import io.shouwang.gateway.notify.webhook.WebhookChannel;
import io.shouwang.gateway.notify.webhook.WebhookOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Builds the configured paging channels; a channel with no url or host is left out. */
final class ChannelFactory {

  private ChannelFactory() {}

  static List<NotificationChannel> channels(Vertx vertx, GatewayConfig config,
      DashboardFeed dashboard, DeviceCommandSink commands, Clock clock) {
    GatewayConfig.Channels c = config.channels();
    List<NotificationChannel> channels = new ArrayList<>();
    channels.add(new DashboardChannel(dashboard));
    channels.add(new DeviceChannel(vertx, commands, new DeviceOptions(null, null), clock));
    if (config.alerting().console()) {
      channels.add(new ConsoleChannel());
    }
    if (!c.webhookUrl().isEmpty()) {
      WebhookOptions options = checked("channels.webhook",
          () -> new WebhookOptions(c.webhookUrl(), c.webhookSecret(), null, Set.of()));
      channels.add(new WebhookChannel(vertx, options, clock));
    }
    if (!c.smsUrl().isEmpty()) {
      SmsOptions options = checked("channels.sms", () -> new SmsOptions(
          c.smsMethod().toUpperCase(Locale.ROOT), c.smsUrl(),
          c.smsApiKeyHeader().isEmpty() ? Map.of() : Map.of(c.smsApiKeyHeader(), c.smsApiKey()),
          c.smsBodyTemplate(), SmsBodyFormat.valueOf(c.smsBodyFormat().toUpperCase(Locale.ROOT)),
          c.smsMaxLength(), null));
      channels.add(new SmsChannel(vertx, options));
    }
    if (!c.emailHost().isEmpty()) {
      EmailOptions options = checked("channels.email", () -> new EmailOptions(
          c.emailHost(), c.emailPort(),
          StartTLSOptions.valueOf(c.emailStarttls().toUpperCase(Locale.ROOT)), false,
          c.emailUsername(), c.emailPassword(), c.emailFrom(), null, false));
      channels.add(new EmailChannel(vertx, options));
    }
    return channels;
  }

  /** Channel options validate themselves; their errors become configuration errors. */
  private static <T> T checked(String section, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(section, e.getMessage());
    }
  }
}
