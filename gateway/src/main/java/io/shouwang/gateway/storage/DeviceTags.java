package io.shouwang.gateway.storage;

/**
 * Tags of one device point: low-cardinality identifiers only.
 *
 * <p>A null or empty value leaves the tag out of the line (line protocol has no empty tag values).
 */
public record DeviceTags(
    String community, String grid, String household, String deviceKind, String deviceId) {}
