package io.shouwang.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class BufferedSocketsTest {

  @Test
  void anUnconnectedSocketAsPahoMakesItReadsThroughOneBufferEveryTime() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = BufferedSockets.FACTORY.createSocket()) {
      client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
        out.write(new byte[] {0x30, 0x03, 'a', 'b', 'c'});
        out.flush();

        InputStream first = client.getInputStream();
        assertThat(first).isInstanceOf(BufferedInputStream.class);
        assertThat(client.getInputStream()).isSameAs(first);
        assertThat(first.read()).isEqualTo(0x30);
        // What the first read buffered is still there for the next caller of getInputStream().
        assertThat(client.getInputStream().readNBytes(4)).containsExactly(0x03, 'a', 'b', 'c');
      }
    }
  }

  @Test
  void connectedVariantsConnect() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket byName = BufferedSockets.FACTORY.createSocket("127.0.0.1", server.getLocalPort());
        Socket byAddress = BufferedSockets.FACTORY.createSocket(
            InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      assertThat(byName.isConnected()).isTrue();
      assertThat(byAddress.isConnected()).isTrue();
      assertThat(byName.getInputStream()).isInstanceOf(BufferedInputStream.class);
    }
  }
}
