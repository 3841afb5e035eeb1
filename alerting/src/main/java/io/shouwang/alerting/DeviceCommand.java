package io.shouwang.alerting;

import io.shouwang.schemas.v1.Command;

/** A command the engine wants delivered to a device (valve close, button feedback). */
public record DeviceCommand(String deviceId, Command command) {}
