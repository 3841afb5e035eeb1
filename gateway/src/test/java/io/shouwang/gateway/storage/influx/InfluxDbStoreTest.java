package io.shouwang.gateway.storage.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shouwang.gateway.storage.StoreException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The store contract against a fake InfluxDB: retry 5xx/429, not 4xx, never the token in text. */
@Timeout(60)
class InfluxDbStoreTest {

  private static final String TOKEN = "s3cr3t-t0ken-abc";

  private Vertx vertx;
  private HttpServer server;
  private volatile int status = 204;
  private volatile String body = "";
  private final AtomicReference<String> seenAuthorization = new AtomicReference<>();
  private final AtomicReference<MultiMap> seenParams = new AtomicReference<>();
  private final AtomicReference<String> seenBody = new AtomicReference<>();
  private InfluxDbStore store;

  @BeforeEach
  void startFakeInflux() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(requestBody -> {
          seenAuthorization.set(request.getHeader("Authorization"));
          seenParams.set(request.params());
          seenBody.set(requestBody.toString());
          request.response().setStatusCode(status)
              .putHeader("Content-Type", "application/json").end(body);
        }))
        .listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    store = new InfluxDbStore(config("http://127.0.0.1:" + server.actualPort()));
  }

  @AfterEach
  void stop() throws Exception {
    store.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void writesOneRequestToTheV2WriteApiWithNanosecondPrecision() throws Exception {
    store.write(List.of("m f=1 1", "m f=2 2"));

    assertThat(seenBody.get()).isEqualTo("m f=1 1\nm f=2 2");
    assertThat(seenParams.get().get("org")).isEqualTo("shouwang");
    assertThat(seenParams.get().get("bucket")).isEqualTo("telemetry");
    assertThat(seenParams.get().get("precision")).isEqualTo("ns");
    assertThat(seenAuthorization.get()).isEqualTo("Token " + TOKEN);
  }

  @ParameterizedTest(name = "HTTP {0} -> retryable={1}, bad data={2}")
  @CsvSource({
    "400, false, true",
    "401, false, false",
    "403, false, false",
    "404, false, false",
    "413, false, true",
    "422, false, true",
    "429, true,  false",
    "500, true,  false",
    "503, true,  false"
  })
  void mapsEachRefusalToItsRetryDecisionWithTheServerTextAndWithoutTheToken(
      int refusal, boolean retryable, boolean badData) {
    status = refusal;
    body = "{\"code\":\"invalid\",\"message\":\"unable to parse 'm f=x': token "
        + TOKEN + "\"}";

    StoreException e =
        catchThrowableOfType(StoreException.class, () -> store.write(List.of("m f=x")));

    assertThat(e.httpStatus()).isEqualTo(refusal);
    assertThat(e.retryable()).isEqualTo(retryable);
    assertThat(e.badData()).isEqualTo(badData);
    assertThat(e.getMessage()).contains("HTTP " + refusal, "unable to parse").doesNotContain(TOKEN);
  }

  @Test
  void aStoppedServerIsARetryableFailureWithoutTheTokenInItsMessage() throws Exception {
    int port = server.actualPort();
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    StoreException e =
        catchThrowableOfType(StoreException.class, () -> store.write(List.of("m f=1 1")));

    assertThat(e.retryable()).isTrue();
    assertThat(e.httpStatus()).isZero();
    assertThat(e.badData()).isFalse();
    assertThat(e.getMessage()).contains("127.0.0.1:" + port).doesNotContain(TOKEN);
    assertThat(store.ping()).isFalse();
  }

  @ParameterizedTest(name = "ping answered {0} -> reachable={1}")
  @CsvSource({"204, true", "200, true", "401, true", "404, true", "500, false", "503, false"})
  void countsAnyAnswerBelow500AsReachable(int answer, boolean reachable) {
    status = answer;

    assertThat(store.ping()).isEqualTo(reachable);
  }

  @Test
  void neverPrintsTheTokenInItsConfig() {
    assertThat(config("http://127.0.0.1:1").toString())
        .doesNotContain(TOKEN)
        .contains("<redacted>");
    assertThat(store.toString()).doesNotContain(TOKEN);
  }

  private static InfluxDbConfig config(String url) {
    return new InfluxDbConfig(url, "shouwang", "telemetry", TOKEN, Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(5));
  }
}
