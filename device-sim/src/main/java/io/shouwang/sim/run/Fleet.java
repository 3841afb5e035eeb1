package io.shouwang.sim.run;

import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.sim.device.ButtonActor;
import io.shouwang.sim.device.CommandActor;
import io.shouwang.sim.device.DeviceLife;
import io.shouwang.sim.device.GasValveActor;
import io.shouwang.sim.device.Outgoing;
import io.shouwang.sim.device.Sender;
import io.shouwang.sim.device.SimDevice;
import io.shouwang.sim.mqtt.ConnectionException;
import io.shouwang.sim.mqtt.Connections;
import io.shouwang.sim.mqtt.DeviceConnection;
import io.shouwang.sim.mqtt.PublishException;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Simulated devices connected to the broker: the one place messages leave the simulator. */
public final class Fleet implements Sender, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

  private final Map<String, DeviceLife> lives = new LinkedHashMap<>();
  private final Map<String, DeviceConnection> links = new ConcurrentHashMap<>();
  private final List<DeviceConnection> connections = new ArrayList<>();
  private final Set<String> silenced = ConcurrentHashMap.newKeySet();
  private final Set<String> attached = ConcurrentHashMap.newKeySet();
  private final Set<String> errorKindsLogged = ConcurrentHashMap.newKeySet();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder sent = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final List<Consumer<Outgoing>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "fleet-scheduler");
            t.setDaemon(true);
            return t;
          });

  private Fleet() {}

  /** Creates the devices and connects them; fails if the broker cannot be reached. */
  public static Fleet connect(List<DeviceSpec> devices, FleetOptions options)
      throws ConnectionException {
    Fleet fleet = new Fleet();
    try {
      fleet.open(devices, options);
    } catch (ConnectionException | RuntimeException e) {
      fleet.close();
      throw e;
    }
    return fleet;
  }

  private void open(List<DeviceSpec> devices, FleetOptions options) throws ConnectionException {
    Map<Protocol, List<DeviceConnection>> shared = new EnumMap<>(Protocol.class);
    Map<Protocol, Integer> assigned = new EnumMap<>(Protocol.class);
    for (DeviceSpec spec : devices) {
      SimDevice device =
          new SimDevice(spec, options.clock(), options.seed(), options.telemetryQos());
      lives.put(spec.id(), new DeviceLife(device));
      DeviceConnection link;
      if (options.connections() == 0) {
        link = Connections.open(
            spec.protocol(), options.broker(), spec.id() + options.deviceClientIdSuffix());
        connections.add(link);
      } else {
        List<DeviceConnection> pool =
            shared.computeIfAbsent(spec.protocol(), p -> new ArrayList<>());
        int index = assigned.merge(spec.protocol(), 1, Integer::sum) - 1;
        if (pool.size() < options.connections() && index == pool.size()) {
          String clientId =
              "%s-%s-%d".formatted(options.clientIdPrefix(), spec.protocol().registryName(), index);
          DeviceConnection created = Connections.open(spec.protocol(), options.broker(), clientId);
          pool.add(created);
          connections.add(created);
        }
        link = pool.get(index % options.connections());
      }
      links.put(spec.id(), link);
    }
  }

  /** Every device's life, in registry order. */
  public Collection<DeviceLife> lives() {
    return lives.values();
  }

  /** One device's life. */
  public DeviceLife life(String deviceId) {
    DeviceLife life = lives.get(deviceId);
    if (life == null) {
      throw new IllegalArgumentException("no such device in this fleet: " + deviceId);
    }
    return life;
  }

  /** The fleet's scheduler, for delayed device reactions. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Calls the listener with every message the fleet publishes (for printing scenario steps). */
  public void onPublished(Consumer<Outgoing> listener) {
    listeners.add(listener);
  }

  /** Subscribes a device's command topics (its encoding's, and the protobuf one) to an actor. */
  public void attach(String deviceId, CommandActor actor) throws ConnectionException {
    DeviceLife life = life(deviceId);
    DeviceConnection link = links.get(deviceId);
    attached.add(deviceId);
    Topic base = new Topic(MessageClass.COMMAND, deviceId, Encoding.PROTOBUF);
    link.subscribe(base.path(), MessageClass.COMMAND.qos(), actor);
    if (life.device().spec().encoding() == Encoding.JSON) {
      Topic json = new Topic(MessageClass.COMMAND, deviceId, Encoding.JSON);
      link.subscribe(json.path(), MessageClass.COMMAND.qos(), actor);
    }
  }

  /** Gives every valve and emergency button without an actor yet its obedient one. */
  public void attachDefaultActors(Duration valveTravel, Consumer<String> narrator)
      throws ConnectionException {
    for (DeviceLife life : lives.values()) {
      String id = life.device().id();
      if (attached.contains(id)) {
        continue;
      }
      DeviceKind kind = life.device().spec().kind();
      if (kind == DeviceKind.GAS_VALVE) {
        attach(
            id,
            new GasValveActor(
                life, this, narrator, scheduler, valveTravel, GasValveActor.Behaviour.OBEY));
      } else if (kind == DeviceKind.EMERGENCY_BUTTON) {
        attach(id, new ButtonActor(life, this, narrator));
      }
    }
  }

  /** The device goes quiet (unplugged): it sends nothing more; a device's own link is closed. */
  public void silence(String deviceId) {
    life(deviceId);
    silenced.add(deviceId);
    DeviceConnection link = links.get(deviceId);
    if (link.clientId().equals(deviceId)) {
      link.close();
    }
  }

  @Override
  public Outgoing send(SimDevice device, MessageClass messageClass, Envelope.Builder payload) {
    if (silenced.contains(device.id())) {
      return null;
    }
    // One device publishes in seq order: stamping and handing to the client happen together.
    synchronized (device) {
      Outgoing out = device.next(messageClass, payload);
      publish(device.id(), out.topic().path(), out.payload(), out.qos());
      listeners.forEach(l -> l.accept(out));
      return out;
    }
  }

  @Override
  public void sendRaw(SimDevice via, String topic, byte[] payload, int qos) {
    synchronized (via) {
      publish(via.id(), topic, payload, qos);
    }
  }

  private void publish(String deviceId, String topic, byte[] payload, int qos) {
    try {
      links
          .get(deviceId)
          .publish(topic, payload, qos)
          .whenComplete(
              (ok, error) -> {
                if (error == null) {
                  acked.increment();
                } else {
                  countError(deviceId, topic, error);
                }
              });
      sent.increment();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void countError(String deviceId, String topic, Throwable error) {
    String kind = error instanceof PublishException p ? p.kind() : error.getClass().getSimpleName();
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    if (errorKindsLogged.add(kind)) {
      LOG.warn(
          "{}: publish to {} failed: {} (further '{}' errors are counted, not logged)",
          deviceId,
          topic,
          error.getMessage(),
          kind);
    }
  }

  /** Whether the device's connection is up. */
  public boolean connected(String deviceId) {
    return links.get(deviceId).isConnected();
  }

  /** Messages handed to the MQTT clients so far. */
  public long sentCount() {
    return sent.sum();
  }

  /** Messages the broker acknowledged (QoS 1) or that were written out (QoS 0). */
  public long ackedCount() {
    return acked.sum();
  }

  /** Messages published and not yet completed, over all connections. */
  public int inFlight() {
    return connections.stream().mapToInt(DeviceConnection::inFlight).sum();
  }

  /** How often a client refused a publish because its window was full, over all connections. */
  public long windowFullCount() {
    return connections.stream().mapToLong(DeviceConnection::windowFullCount).sum();
  }

  /** The number of MQTT connections. */
  public int connectionCount() {
    return connections.size();
  }

  /** The devices grouped by the connection they share, so one thread can drive each group. */
  public List<List<DeviceLife>> groupsByConnection() {
    Map<DeviceConnection, List<DeviceLife>> groups = new LinkedHashMap<>();
    lives.forEach(
        (id, life) -> groups.computeIfAbsent(links.get(id), c -> new ArrayList<>()).add(life));
    return List.copyOf(groups.values());
  }

  /** Failed publishes by kind. */
  public Map<String, Long> errorCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    errors.forEach((k, v) -> counts.put(k, v.sum()));
    return counts;
  }

  /** Waits (up to the timeout) until every published message is acknowledged. */
  public boolean drain(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (inFlight() == 0) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connections.parallelStream().forEach(DeviceConnection::close);
  }
}
