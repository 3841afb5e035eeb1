package io.shouwang.sim.device;

import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Envelope;

/** One message ready to publish: where, at which QoS, what it says and its encoded bytes. */
public record Outgoing(Topic topic, int qos, Envelope envelope, byte[] payload) {}
