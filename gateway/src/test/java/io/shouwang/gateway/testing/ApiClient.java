package io.shouwang.gateway.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** One person's HTTP session against the gateway's API: keeps its own cookies, like a browser. */
public final class ApiClient {

  /** An answer: status, body as text, and the JSON object when the body is one. */
  public record Response(int status, String text, HttpResponse<String> raw) {
    public JsonObject json() {
      return new JsonObject(text);
    }
  }

  private final String base;
  private final HttpClient http;

  public ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  public Response login(String username, String password) {
    return post("/api/v1/session", new JsonObject().put("username", username)
        .put("password", password));
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public Response post(String path, JsonObject body) {
    return postRaw(path, body.encode());
  }

  public Response postRaw(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Opens the live stream and collects its lines as they arrive; cancel the returned future to
   * close it.
   */
  public CompletableFuture<HttpResponse<Void>> stream(List<String> lines) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/stream")).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
        new java.util.concurrent.Flow.Subscriber<String>() {
          @Override
          public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(String line) {
            lines.add(line);
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onComplete() {}
        }));
  }

  /** A thread-safe list for {@link #stream}. */
  public static List<String> lines() {
    return new CopyOnWriteArrayList<>();
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
