package io.shouwang.gateway.ingest;

/** The outcome of validating one inbound message: {@link AcceptedMessage} or {@link Rejection}. */
sealed interface Verdict permits AcceptedMessage, Rejection {}
