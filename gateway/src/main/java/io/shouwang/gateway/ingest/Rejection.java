package io.shouwang.gateway.ingest;

/** A refused message: the reason and a short human-readable detail (never a health value). */
record Rejection(RejectReason reason, String detail) implements Verdict {}
