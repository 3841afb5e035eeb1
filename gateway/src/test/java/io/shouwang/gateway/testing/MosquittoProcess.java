package io.shouwang.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker in a child process on a free port, with its own config, persistence and
 * log under a test folder. .ci/run installs Debian's mosquitto; a machine without it fails here
 * with a clear message rather than skipping.
 */
public final class MosquittoProcess implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/mosquitto");

  private final Path dir;
  private final int port;
  private Process process;

  public MosquittoProcess(Path dir) {
    this.dir = dir;
    this.port = FreePorts.next();
  }

  public MosquittoProcess start() throws IOException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY + " not found: install it with 'apt-get install mosquitto'"
          + " (.ci/run does this)");
    }
    Files.createDirectories(dir);
    Path config = dir.resolve("mosquitto.conf");
    Files.writeString(config, String.join("\n",
        "listener " + port + " 127.0.0.1",
        "allow_anonymous true",
        // Mosquitto drops root privileges to this user; stay as the user running the tests.
        "user " + System.getProperty("user.name"),
        "persistence true",
        "persistence_location " + dir + "/",
        "autosave_on_changes true",
        "autosave_interval 1",
        "max_queued_messages 100000",
        "log_dest file " + dir.resolve("mosquitto.log"),
        ""));
    process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.log").toFile())
        .start();
    await().atMost(Duration.ofSeconds(20)).until(this::accepting);
    return this;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  private boolean accepting() {
    if (!process.isAlive()) {
      throw new IllegalStateException("mosquitto exited with " + process.exitValue()
          + "; see " + dir.resolve("stdout.log"));
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
