package io.shouwang.sim.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.Topic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the households and devices out of a registry file.
 *
 * <p>The gateway owns the full validation of the file; the simulator walks the same nesting
 * (communities, grids, buildings, households) and ignores every key it does not need.
 */
public final class RegistryReader {

  // SnakeYAML stops at 3 MiB, about 1,900 generated households: the gateway reads larger files.
  private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;
  private static final YAMLMapper YAML = new YAMLMapper(
      YAMLFactory.builder().loaderOptions(loaderOptions()).build());

  private RegistryReader() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    return options;
  }

  /** Reads a registry YAML file. */
  public static List<Household> read(Path file) throws RegistryException {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new RegistryException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return households(root);
  }

  /** Reads the households out of an already parsed registry document. */
  static List<Household> households(JsonNode root) throws RegistryException {
    if (root == null || !root.path("communities").isArray()) {
      throw new RegistryException("communities: missing or not a list");
    }
    List<Household> households = new ArrayList<>();
    Set<String> deviceIds = new HashSet<>();
    JsonNode communities = root.get("communities");
    for (int c = 0; c < communities.size(); c++) {
      JsonNode grids = communities.get(c).path("grids");
      for (int g = 0; g < grids.size(); g++) {
        JsonNode buildings = grids.get(g).path("buildings");
        for (int b = 0; b < buildings.size(); b++) {
          JsonNode entries = buildings.get(b).path("households");
          for (int h = 0; h < entries.size(); h++) {
            String where =
                "communities[%d].grids[%d].buildings[%d].households[%d]".formatted(c, g, b, h);
            households.add(household(entries.get(h), where, deviceIds));
          }
        }
      }
    }
    return households;
  }

  private static Household household(JsonNode node, String where, Set<String> deviceIds)
      throws RegistryException {
    String id = text(node, "id", where);
    List<DeviceSpec> devices = new ArrayList<>();
    JsonNode list = node.path("devices");
    for (int i = 0; i < list.size(); i++) {
      DeviceSpec device = device(list.get(i), id, where + ".devices[" + i + "]");
      if (!deviceIds.add(device.id())) {
        throw new RegistryException(where + ".devices[" + i + "].id: duplicate " + device.id());
      }
      devices.add(device);
    }
    return new Household(id, devices);
  }

  private static DeviceSpec device(JsonNode node, String householdId, String where)
      throws RegistryException {
    String id = text(node, "id", where);
    if (!Topic.isValidDeviceId(id)) {
      throw new RegistryException(where + ".id: not a valid device id: " + id);
    }
    String kindName = text(node, "kind", where);
    DeviceKind kind =
        DeviceKind.fromRegistryName(kindName)
            .orElseThrow(() -> new RegistryException(where + ".kind: unknown kind " + kindName));
    String encodingName = node.path("encoding").asText("protobuf");
    Encoding encoding;
    try {
      encoding = Encoding.valueOf(encodingName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RegistryException(where + ".encoding: unknown encoding " + encodingName, e);
    }
    String protocolName = node.path("protocol").asText("mqtt5");
    Protocol protocol =
        Protocol.fromRegistryName(protocolName)
            .orElseThrow(
                () -> new RegistryException(where + ".protocol: unknown protocol " + protocolName));
    String model = node.hasNonNull("model") ? node.get("model").asText() : null;
    return new DeviceSpec(id, householdId, kind, encoding, protocol, model);
  }

  private static String text(JsonNode node, String key, String where) throws RegistryException {
    JsonNode value = node.get(key);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw new RegistryException(where + "." + key + ": missing");
    }
    return value.asText();
  }
}
