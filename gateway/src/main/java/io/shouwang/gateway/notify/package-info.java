/**
 * The gateway's notification channels, one sub-package per channel, each implementing the
 * core's {@link io.shouwang.alerting.notify.NotificationChannel}. This package holds only what the
 * channels share: one HTTP request with a deadline, and keeping secrets out of failure text.
 */
package io.shouwang.gateway.notify;
