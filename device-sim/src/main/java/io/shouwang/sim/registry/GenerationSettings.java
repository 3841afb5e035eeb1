package io.shouwang.sim.registry;

/**
 * What the registry generator produces: {@code devicesPerHousehold} 0 means a realistic mix,
 * otherwise exactly that many devices per household; the shares pick JSON and MQTT 3.1.1 devices.
 */
public record GenerationSettings(
    int households, int devicesPerHousehold, double jsonShare, double mqtt311Share, long seed) {

  public GenerationSettings {
    if (households < 1) {
      throw new IllegalArgumentException("households must be at least 1, was " + households);
    }
    if (devicesPerHousehold < 0) {
      throw new IllegalArgumentException("devices per household must not be negative");
    }
    if (jsonShare < 0 || jsonShare > 1 || mqtt311Share < 0 || mqtt311Share > 1) {
      throw new IllegalArgumentException("shares must be between 0 and 1");
    }
  }
}
