package io.shouwang.sim.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PahoConnectionTest {

  /** A connection whose "Paho" refuses a given number of publishes with 32202, then holds them. */
  private static final class FakeConnection extends PahoConnection {
    final AtomicInteger refusals = new AtomicInteger();
    final Queue<CompletableFuture<Void>> held = new ConcurrentLinkedQueue<>();
    int brokerMaximum = 3;
    int failWith;
    boolean reachable = true;

    FakeConnection(int maxInflight) {
      super(
          new BrokerOptions(
              "tcp://127.0.0.1:1", null, null, 2, Duration.ofSeconds(1), maxInflight, false),
          "fake");
    }

    @Override
    int connectOnce() {
      if (!reachable) {
        throw new IllegalStateException("Connection refused");
      }
      return brokerMaximum;
    }

    @Override
    void send(String topic, byte[] payload, int qos, CompletableFuture<Void> done) throws Refused {
      if (refusals.getAndDecrement() > 0) {
        throw new Refused(REASON_WINDOW_FULL);
      }
      if (failWith != 0) {
        throw new Refused(failWith);
      }
      held.add(done);
    }

    @Override
    int reasonCode(Throwable error) {
      return error instanceof Refused r ? r.reasonCode : -1;
    }

    @Override
    void subscribeOnce(String topic, int qos) {}

    @Override
    void subscribeAsync(String topic, int qos) {}

    @Override
    public boolean isConnected() {
      return reachable;
    }

    @Override
    void disconnect(long quiesceMillis, long waitMillis) {}

    @Override
    void closeClient() {}
  }

  /** What Paho's MqttException is to the real connections: a refusal with a reason code. */
  private static final class Refused extends Exception {
    final int reasonCode;

    Refused(int reasonCode) {
      super("reason " + reasonCode);
      this.reasonCode = reasonCode;
    }
  }

  private static FakeConnection connected(int maxInflight) throws ConnectionException {
    FakeConnection c = new FakeConnection(maxInflight);
    c.connect();
    return c;
  }

  @Test
  void windowIsTheSmallerOfOurLimitAndTheBrokersReceiveMaximum() throws Exception {
    assertThat(connected(100).window()).isEqualTo(3);
    assertThat(connected(2).window()).isEqualTo(2);
  }

  @Test
  void refusedPublishWaitsCountsAndIsRetriedInsteadOfFailing() throws Exception {
    // GIVEN a client that refuses twice with "too many publishes in progress"
    FakeConnection c = connected(10);
    c.refusals.set(2);

    // WHEN a message is published
    CompletableFuture<Void> done = c.publish("t", new byte[0], 1);
    c.held.forEach(f -> f.complete(null));

    // THEN it went through on the third try, and the refusals were counted
    assertThat(done).succeedsWithin(Duration.ofSeconds(5));
    assertThat(c.windowFullCount()).isEqualTo(2);
    assertThat(c.inFlight()).isZero();
  }

  @Test
  void fullWindowBlocksThePublisherUntilAnAckArrives() throws Exception {
    // GIVEN a window of three, all in flight
    FakeConnection c = connected(10);
    for (int i = 0; i < 3; i++) {
      c.publish("t", new byte[0], 1);
    }
    assertThat(c.inFlight()).isEqualTo(3);

    // WHEN a fourth publish is attempted
    CompletableFuture<CompletableFuture<Void>> fourth =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return c.publish("t", new byte[0], 1);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    // THEN it waits until one of the three is acknowledged
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !fourth.isDone());
    c.held.poll().complete(null);
    assertThat(fourth).succeedsWithin(Duration.ofSeconds(5));
    assertThat(c.inFlight()).isEqualTo(3);
  }

  @Test
  void otherRefusalsFailThePublishWithALabelAndFreeTheWindow() throws Exception {
    FakeConnection c = connected(10);
    c.failWith = 32104;

    CompletableFuture<Void> done = c.publish("t", new byte[0], 1);

    assertThatThrownBy(done::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(PublishException.class)
        .satisfies(e -> assertThat(((PublishException) e).kind()).isEqualTo("not-connected"));
    assertThat(c.inFlight()).isZero();
  }

  @Test
  void unreachableBrokerFailsAfterTheConfiguredAttemptsNamingTheBroker() {
    FakeConnection c = new FakeConnection(10);
    c.reachable = false;

    assertThatThrownBy(c::connect)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("tcp://127.0.0.1:1 unreachable after 2 attempts")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void messagesReachTheHandlerOfTheirTopicOnly() throws Exception {
    FakeConnection c = connected(10);
    Queue<String> got = new ConcurrentLinkedQueue<>();
    c.subscribe("a", 1, (topic, payload) -> got.add(topic + ":" + new String(payload)));

    c.deliver("a", "1".getBytes());
    c.deliver("b", "2".getBytes());
    c.deliver("a", "3".getBytes());

    await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 2);
    assertThat(List.copyOf(got)).containsExactly("a:1", "a:3");
  }

  @Test
  void passwordNeverAppearsInTheOptionsText() {
    BrokerOptions options =
        new BrokerOptions("ssl://h:8883", "u", "hunter2", 1, Duration.ofSeconds(1), 1, false);

    assertThat(options.toString()).doesNotContain("hunter2").contains("***");
  }
}
