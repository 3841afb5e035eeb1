import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The benchmark's ceiling: an MQTT 5 subscriber that does nothing but count, subscribed the way
 * the gateway is (QoS 1, shouwang/v1/telemetry/# and shouwang/v1/event/#, receive maximum as the
 * gateway's). Writes its count to OUTFILE ten times a second, and once more on SIGTERM.
 * Run: java -cp 'device-sim/target/lib/*' bench/NullSubscriber.java tcp://127.0.0.1:PORT OUTFILE
 */
public class NullSubscriber {
  public static void main(String[] args) throws Exception {
    AtomicLong received = new AtomicLong();
    MqttClient client = new MqttClient(args[0], "bench-null-sub", new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      public void disconnected(MqttDisconnectResponse r) {}
      public void mqttErrorOccurred(MqttException e) {}
      public void messageArrived(String topic, MqttMessage m) { received.incrementAndGet(); }
      public void deliveryComplete(IMqttToken t) {}
      public void connectComplete(boolean reconnect, String uri) {}
      public void authPacketArrived(int code, MqttProperties p) {}
    });
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setSocketFactory(new BufferedSockets()); // as the gateway's connections read (BufferedSockets)
    o.setReceiveMaximum(20000);
    client.connect(o);
    client.subscribe(new String[] {"shouwang/v1/telemetry/#", "shouwang/v1/event/#"}, new int[] {1, 1});
    java.nio.file.Path out = java.nio.file.Path.of(args[1]);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(out, received.get())));
    while (true) {
      write(out, received.get());
      Thread.sleep(100);
    }
  }

  static void write(java.nio.file.Path out, long n) {
    try {
      java.nio.file.Files.writeString(out, Long.toString(n));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The gateway's buffered reads (gateway/.../mqtt/BufferedSockets), so both read alike. */
  static final class BufferedSockets extends javax.net.SocketFactory {
    public java.net.Socket createSocket() {
      return new java.net.Socket() {
        private java.io.InputStream input;

        @Override
        public synchronized java.io.InputStream getInputStream() throws java.io.IOException {
          if (input == null) {
            input = new java.io.BufferedInputStream(super.getInputStream(), 64 * 1024);
          }
          return input;
        }
      };
    }

    public java.net.Socket createSocket(String h, int p) { throw new UnsupportedOperationException(); }
    public java.net.Socket createSocket(String h, int p, java.net.InetAddress l, int lp) { throw new UnsupportedOperationException(); }
    public java.net.Socket createSocket(java.net.InetAddress h, int p) { throw new UnsupportedOperationException(); }
    public java.net.Socket createSocket(java.net.InetAddress h, int p, java.net.InetAddress l, int lp) { throw new UnsupportedOperationException(); }
  }
}
