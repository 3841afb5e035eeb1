package io.shouwang.gateway.notify.device;

import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceCommandSink;
import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.gateway.notify.Deadline;
import io.shouwang.schemas.v1.Command;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeoutException;

/**
 * Tells the resident's button that help is coming (or is there, or was cancelled) by sending a
 * {@code ButtonFeedback} command through the {@link DeviceCommandSink}. Completes when the broker
 * has accepted the command, with the command id as receipt.
 */
public final class DeviceChannel implements NotificationChannel {

  /** The channel's name, as pages and configuration refer to it. */
  public static final String NAME = "device";

  private static final String RESIDENT = "resident";

  private final Vertx vertx;
  private final DeviceCommandSink sink;
  private final DeviceOptions options;
  private final Clock clock;

  /** A channel sending through the sink; the clock stamps issue and expiry times. */
  public DeviceChannel(Vertx vertx, DeviceCommandSink sink, DeviceOptions options, Clock clock) {
    this.vertx = vertx;
    this.sink = sink;
    this.options = options;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean canReach(Recipient recipient) {
    return RESIDENT.equals(recipient.role());
  }

  @Override
  public Future<String> send(Page page) {
    Command command;
    Future<Void> accepted;
    try {
      command = ButtonFeedbacks.build(page, clock.instant(), options.expiry());
      accepted = sink.send(new DeviceCommand(command.getDeviceId(), command));
    } catch (ChannelException e) {
      return Future.failedFuture(e);
    } catch (RuntimeException e) {
      return Future.failedFuture(notAccepted(e));
    }
    String receipt = NAME + ": " + command.getCommandId();
    return Deadline.within(vertx, accepted, options.timeout())
        .compose(done -> Future.succeededFuture(receipt), error -> Future.failedFuture(
            error instanceof ChannelException channel ? channel : notAccepted(error)));
  }

  private ChannelException notAccepted(Throwable error) {
    // The sink's exceptions name only device ids and broker state; a ChannelException from the
    // sink keeps its own retry decision, anything else (timeout, broker down) is worth a retry.
    return ChannelException.forStatus(
        NAME + ": the broker did not accept the command (" + error.getClass().getSimpleName()
            + ")", error instanceof TimeoutException ? 0 : 503, error);
  }
}
