package io.shouwang.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.gateway.health.DeviceHealthBoard;
import io.shouwang.gateway.notify.dashboard.DashboardFeed;
import io.shouwang.gateway.notify.dashboard.DashboardOptions;
import io.shouwang.gateway.testing.TestRegistries;
import io.shouwang.registry.RegistryLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document is kept true: it describes exactly the routes the API serves. */
class OpenApiCoverageTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir Path dir;

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void everyRouteIsDescribedAndEveryDescribedRouteIsServed() throws Exception {
    HttpApi api = new HttpApi(vertx, RegistryLoader.load(TestRegistries.writeWithUsers(dir)),
        Optional.empty(), new DashboardFeed(DashboardOptions.defaults(), new SimpleMeterRegistry()),
        new DeviceHealthBoard(), (household, from, to, bucket) -> Future.succeededFuture(Map.of()),
        Clock.systemUTC());

    Set<String> served = new TreeSet<>();
    for (Route route : api.router().getRoutes()) {
      if (route.getPath() == null || route.methods() == null) {
        continue;
      }
      String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
      for (HttpMethod method : route.methods()) {
        served.add(method.name() + " " + path);
      }
    }

    Set<String> described = new TreeSet<>();
    JsonNode doc;
    try (InputStream in = HttpApi.class.getResourceAsStream(HttpApi.OPENAPI_RESOURCE)) {
      doc = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    assertThat(doc.at("/servers/0/url").asText()).isEqualTo(HttpApi.BASE);
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fieldNames().forEachRemaining(method ->
          described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
    }

    assertThat(served).isNotEmpty().isEqualTo(described);
  }
}
