package io.shouwang.alerting.testing;

import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceCommandSink;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** Records commands; fails the first {@code failures} sends. */
public final class FakeCommandSink implements DeviceCommandSink {

  private final List<DeviceCommand> sent = new ArrayList<>();
  private int failures;

  public synchronized FakeCommandSink failingFirst(int count) {
    failures = count;
    return this;
  }

  @Override
  public synchronized Future<Void> send(DeviceCommand command) {
    sent.add(command);
    if (failures > 0) {
      failures--;
      return Future.failedFuture(new IllegalStateException("broker unavailable"));
    }
    return Future.succeededFuture();
  }

  public synchronized List<DeviceCommand> sent() {
    return List.copyOf(sent);
  }
}
