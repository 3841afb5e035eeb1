package io.shouwang.gateway.vitals;

import java.time.Instant;

/** The readings of one metric in one time bucket: their mean and extremes. */
public record VitalBucket(Instant start, double mean, double min, double max) {}
