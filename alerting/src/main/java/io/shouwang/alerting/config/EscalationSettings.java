package io.shouwang.alerting.config;

import java.time.Duration;

/**
 * Timing that applies to every policy.
 *
 * @param repeatInterval default repeat for policies that do not set their own
 * @param onSiteMargin how long after the accepted ETA a responder may still be on the way before
 *     the incident is escalated again
 * @param cancelGraceWindow how long after the opening a resident's cancel still stops an
 *     incident, provided no page has been delivered yet
 */
public record EscalationSettings(
    Duration repeatInterval, Duration onSiteMargin, Duration cancelGraceWindow) {}
