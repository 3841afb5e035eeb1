package io.shouwang.gateway.notify;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real local HTTP server (port 0) standing in for a webhook receiver or an SMS gateway: answers
 * every request with the configured status, or never, and records what it received.
 */
public final class FakeReceiver {

  /** One received request. */
  public record Received(String method, String uri, MultiMap headers, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile boolean silent;

  private FakeReceiver(Vertx vertx) throws Exception {
    server = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          received.add(new Received(request.method().name(), request.uri(),
              MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.toString()));
          if (!silent) {
            request.response().setStatusCode(status).end("{\"echo\":\"nothing\"}");
          }
        }))
        .listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public static FakeReceiver start(Vertx vertx) throws Exception {
    return new FakeReceiver(vertx);
  }

  /** An absolute URL on this server. */
  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.actualPort() + pathAndQuery;
  }

  /** Answers every following request with this status. */
  public void answer(int status) {
    this.status = status;
    this.silent = false;
  }

  /** Reads every following request and never answers, like a hung gateway. */
  public void neverAnswer() {
    this.silent = true;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Received last() {
    return received.get(received.size() - 1);
  }
}
