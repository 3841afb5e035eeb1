package io.shouwang.gateway.testing;

import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.v1.Command;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A device's side of its command topic (e.g. a valve's): what the gateway sent it. */
public final class CommandRecorder implements MqttCallback {

  /** Every command received, in arrival order. */
  public final List<Command> received = new CopyOnWriteArrayList<>();
  private final Encoding encoding;

  public CommandRecorder(Encoding encoding) {
    this.encoding = encoding;
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) throws Exception {
    received.add(EnvelopeCodec.decodeCommand(message.getPayload(), encoding));
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {}

  @Override
  public void mqttErrorOccurred(MqttException exception) {}

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
