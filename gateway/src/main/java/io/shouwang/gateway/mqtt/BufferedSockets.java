package io.shouwang.gateway.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input is buffered. Paho reads each packet's fixed header a byte at a
 * time from the socket's raw stream: two or three read system calls per message before the
 * payload's. Through a buffer, one read takes in whatever the broker has sent (many messages under
 * load) and the header bytes come from memory. TLS sockets buffer by themselves and are not
 * wrapped.
 */
final class BufferedSockets extends SocketFactory {

  /** Large enough for a burst of telemetry; one per connection. */
  private static final int BUFFER_BYTES = 64 * 1024;

  static final BufferedSockets FACTORY = new BufferedSockets();

  private BufferedSockets() {}

  @Override
  public Socket createSocket() {
    return new BufferedReadSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
  }

  private static Socket connected(InetSocketAddress address) throws IOException {
    return connected(null, address);
  }

  /** @param local where to bind first; null to let the system choose */
  private static Socket connected(InetSocketAddress local, InetSocketAddress remote)
      throws IOException {
    Socket socket = new BufferedReadSocket();
    if (local != null) {
      socket.bind(local);
    }
    socket.connect(remote);
    return socket;
  }

  /** Hands out one buffered stream however often it is asked, so no bytes sit in a second one. */
  private static final class BufferedReadSocket extends Socket {
    private InputStream input;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
      }
      return input;
    }
  }
}
