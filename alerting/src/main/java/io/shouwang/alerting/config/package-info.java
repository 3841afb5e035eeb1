/** Typed, validated alerting configuration: escalation policies, role channels, dispatch timing. */
package io.shouwang.alerting.config;
