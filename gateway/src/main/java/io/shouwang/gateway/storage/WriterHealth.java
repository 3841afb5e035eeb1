package io.shouwang.gateway.storage;

/** What a point writer reports to the health endpoint. */
public record WriterHealth(
    boolean storeReachable, boolean spoolFull, long spooledBatches, long spooledBytes) {}
