package io.shouwang.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.notify.ChannelException;
import io.vertx.core.Future;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waiting for channel futures from a test thread. */
public final class Futures {

  private Futures() {}

  public static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
    }
  }

  /** The ChannelException the future fails with. */
  public static ChannelException failure(Future<?> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ChannelException.class);
      return (ChannelException) e.getCause();
    }
    throw new AssertionError("expected a ChannelException, the send succeeded");
  }

  /** The message, causes and stack trace as printed, to look for leaks. */
  public static String printed(Throwable throwable) {
    StringWriter out = new StringWriter();
    throwable.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
