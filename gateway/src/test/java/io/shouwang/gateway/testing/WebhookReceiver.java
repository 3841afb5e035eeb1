package io.shouwang.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A local HTTP receiver that answers 200 and keeps every request, as a paging partner would. */
public final class WebhookReceiver implements AutoCloseable {

  /** One received request. */
  public record Received(Map<String, String> headers, JsonObject body) {}

  private final Vertx vertx = Vertx.vertx();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  public WebhookReceiver() throws Exception {
    server = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          Map<String, String> headers = new java.util.HashMap<>();
          request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
          received.add(new Received(headers, body.toJsonObject()));
          request.response().setStatusCode(200).end();
        }))
        .listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/pages";
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
