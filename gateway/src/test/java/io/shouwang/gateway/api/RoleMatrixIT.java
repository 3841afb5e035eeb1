package io.shouwang.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.gateway.testing.ApiClient;
import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.GatewayFixture;
import io.shouwang.gateway.testing.TestPublisher;
import io.shouwang.gateway.testing.TestRegistries;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may see what, walked cell by cell against a running gateway: every role (and nobody) × every
 * kind of resource, in and out of scope. Out of scope must look exactly like "does not exist".
 */
@Timeout(300)
class RoleMatrixIT {

  static final String PW = TestRegistries.PASSWORD;
  static final List<String> USERS =
      List.of("desk", "desk2", "carer1", "carer2", "family1", "admin", "anonymous");

  @TempDir static Path dir;
  static GatewayFixture fixture;
  static Map<String, ApiClient> clients = new LinkedHashMap<>();
  /** Incident id by household. */
  static Map<String, String> incidents = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.startWithRegistry(dir, TestRegistries.writeWithUsers(dir), Map.of());
    int port = fixture.gateway().httpPort();
    try (TestPublisher devices = new TestPublisher(fixture.brokerUrl())) {
      for (String n : List.of("0001", "0003", "0004")) {
        devices.publish(MessageClass.EVENT, Envelopes.press("btn-" + n, 1, Instant.now()),
            Encoding.PROTOBUF, 1);
      }
      devices.publish(MessageClass.TELEMETRY, Envelopes.vitals("hm-0001", 1, Instant.now(), 150f,
          97f), Encoding.JSON, 1);
    }
    for (String user : USERS) {
      ApiClient client = new ApiClient(port);
      if (!user.equals("anonymous")) {
        assertThat(client.login(user, PW).status()).as("login %s", user).isEqualTo(200);
      }
      clients.put(user, client);
    }
    ApiClient admin = clients.get("admin");
    await().atMost(Duration.ofSeconds(30)).until(() ->
        admin.get("/api/v1/incidents").json().getJsonArray("incidents").size() == 3);
    for (Object o : admin.get("/api/v1/incidents").json().getJsonArray("incidents")) {
      JsonObject incident = (JsonObject) o;
      incidents.put(incident.getString("householdId"), incident.getString("id"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void householdCardsAreVisibleExactlyInScope() {
    // Columns: hh-0001 (c1/g1), hh-0003 (c1/g2), hh-0004 (c2/g3), no-such.
    Map<String, List<Integer>> expected = Map.of(
        "desk", List.of(200, 200, 404, 404),
        "desk2", List.of(404, 404, 200, 404),
        "carer1", List.of(200, 404, 404, 404),
        "carer2", List.of(404, 200, 404, 404),
        "family1", List.of(200, 404, 404, 404),
        "admin", List.of(200, 200, 200, 404),
        "anonymous", List.of(401, 401, 401, 401));
    assertMatrix(expected, List.of("hh-0001", "hh-0003", "hh-0004", "hh-9999"),
        h -> "/api/v1/households/" + h);
    assertMatrix(expected, List.of("hh-0001", "hh-0003", "hh-0004", "hh-9999"),
        h -> "/api/v1/devices?household=" + h);
  }

  @Test
  void incidentsAreVisibleExactlyInScope() {
    Map<String, List<Integer>> expected = Map.of(
        "desk", List.of(200, 200, 404),
        "desk2", List.of(404, 404, 200),
        "carer1", List.of(200, 404, 404),
        "carer2", List.of(404, 200, 404),
        "family1", List.of(200, 404, 404),
        "admin", List.of(200, 200, 200),
        "anonymous", List.of(401, 401, 401));
    assertMatrix(expected, List.of("hh-0001", "hh-0003", "hh-0004"),
        h -> "/api/v1/incidents/" + incidents.get(h));
  }

  @Test
  void listsHoldOnlyTheCallersHouseholds() {
    Map<String, Set<String>> households = Map.of(
        "desk", Set.of("hh-0001", "hh-0002", "hh-0003"),
        "desk2", Set.of("hh-0004"),
        "carer1", Set.of("hh-0001", "hh-0002"),
        "carer2", Set.of("hh-0003"),
        "family1", Set.of("hh-0001"),
        "admin", Set.of("hh-0001", "hh-0002", "hh-0003", "hh-0004"));
    households.forEach((user, expected) -> {
      ApiClient c = clients.get(user);
      assertThat(ids(c.get("/api/v1/households").json().getJsonArray("households"), "id"))
          .as("%s households", user).isEqualTo(expected);
      Set<String> gridHouseholds = new TreeSet<>();
      for (Object g : c.get("/api/v1/grids").json().getJsonArray("grids")) {
        for (Object b : ((JsonObject) g).getJsonArray("buildings")) {
          gridHouseholds.addAll(ids(((JsonObject) b).getJsonArray("households"), "id"));
        }
      }
      assertThat(gridHouseholds).as("%s grid view", user).isEqualTo(expected);
      Set<String> withIncidents = new TreeSet<>(expected);
      withIncidents.retainAll(incidents.keySet());
      assertThat(ids(c.get("/api/v1/incidents").json().getJsonArray("incidents"), "householdId"))
          .as("%s incidents", user).isEqualTo(withIncidents);
      Set<String> deviceHouseholds =
          ids(c.get("/api/v1/devices").json().getJsonArray("devices"), "householdId");
      assertThat(deviceHouseholds).as("%s devices", user).isEqualTo(expected);
    });
    for (String path : List.of("/api/v1/households", "/api/v1/grids", "/api/v1/incidents",
        "/api/v1/devices", "/api/v1/service-requests", "/api/v1/me")) {
      assertThat(clients.get("anonymous").get(path).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void onlyCarersSeeHealthDataAndOnlyTheDeskAndAdminAssign() {
    Map<String, List<Integer>> vitals = Map.of(
        "desk", List.of(200), "desk2", List.of(404), "carer1", List.of(200),
        "carer2", List.of(404), "family1", List.of(200), "admin", List.of(403),
        "anonymous", List.of(401));
    assertMatrix(vitals, List.of("hh-0001"), h -> "/api/v1/households/" + h + "/vitals");
    assertThat(clients.get("admin").get("/api/v1/households/hh-0001").json()
        .getJsonArray("residents").getJsonObject(0).containsKey("medicalNotes")).isFalse();
    assertThat(clients.get("carer1").get("/api/v1/households/hh-0001").json()
        .getJsonArray("residents").getJsonObject(0).getString("medicalNotes"))
        .isEqualTo("notes-0001");

    String assign = "/api/v1/incidents/" + incidents.get("hh-0001") + "/assign";
    Map<String, Integer> expected = Map.of("desk", 200, "desk2", 404, "carer1", 403,
        "carer2", 404, "family1", 403, "admin", 200, "anonymous", 401);
    expected.forEach((user, status) -> assertThat(clients.get(user)
        .post(assign, new JsonObject().put("assignee", "cg-1")).status())
        .as("%s assign", user).isEqualTo(status));
  }

  @Test
  void vitalsComeBackFromTheTimeSeriesStoreMarkedAgainstTheResidentsLimits() {
    ApiClient family = clients.get("family1");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonObject vitals = family.get("/api/v1/households/hh-0001/vitals?range=24h").json();
      JsonObject heart = series(vitals, "heart_rate");
      assertThat(heart.getDouble("high")).isNotNull();
      assertThat(heart.getJsonArray("points")).singleElement().satisfies(p -> {
        JsonObject point = (JsonObject) p;
        assertThat(point.getDouble("v")).isEqualTo(150.0);
        assertThat(point.getBoolean("abnormal")).isTrue();
      });
      assertThat(series(vitals, "spo2").getJsonArray("points").getJsonObject(0)
          .getBoolean("abnormal")).isFalse();
    });
    assertThat(family.get("/api/v1/households/hh-0001/vitals?range=1y").json()
        .getString("field")).isEqualTo("range");
  }

  private static JsonObject series(JsonObject vitals, String metric) {
    return vitals.getJsonArray("series").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("metric").equals(metric)).findFirst().orElseThrow();
  }

  @Test
  void aFamilyMemberFindsNoTraceOfAnotherHouseholdInAnyAnswer() {
    ApiClient family = clients.get("family1");
    StringBuilder everything = new StringBuilder();
    for (String path : List.of("/api/v1/me", "/api/v1/households", "/api/v1/grids",
        "/api/v1/devices", "/api/v1/incidents?state=all", "/api/v1/service-requests?state=all",
        "/api/v1/households/hh-0001", "/api/v1/households/hh-0001/vitals?range=7d",
        "/api/v1/incidents/" + incidents.get("hh-0001"))) {
      ApiClient.Response r = family.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      everything.append(r.text());
    }
    for (String other : List.of("0002", "0003", "0004")) {
      assertThat(everything.toString()).doesNotContain("hh-" + other)
          .doesNotContain("Resident " + other).doesNotContain("notes-" + other)
          .doesNotContain("Child " + other);
    }
  }

  @Test
  void theLiveStreamCarriesOnlyTheCallersHouseholds() throws Exception {
    List<String> family = ApiClient.lines();
    List<String> desk = ApiClient.lines();
    var familyStream = clients.get("family1").stream(family);
    var deskStream = clients.get("desk").stream(desk);
    try (TestPublisher devices = new TestPublisher(fixture.brokerUrl())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> family.contains(": connected")
          && desk.contains(": connected"));
      // First B's incident, then A's: each stream is in order, so a leak would come first.
      devices.publish(MessageClass.EVENT, Envelopes.smokeAlarm("smk-0002", 1, Instant.now()),
          Encoding.PROTOBUF, 1);
      await().atMost(Duration.ofSeconds(30))
          .until(() -> desk.stream().anyMatch(l -> l.contains("\"householdId\":\"hh-0002\"")));
      devices.publish(MessageClass.EVENT, Envelopes.smokeAlarm("smk-0001", 1, Instant.now()),
          Encoding.PROTOBUF, 1);
      await().atMost(Duration.ofSeconds(30))
          .until(() -> family.stream().anyMatch(l -> l.contains("\"householdId\":\"hh-0001\"")));
      assertThat(family).noneMatch(l -> l.contains("hh-0002"));
      assertThat(family).anyMatch(l -> l.equals("event: incident"));
    } finally {
      familyStream.cancel(true);
      deskStream.cancel(true);
    }
    assertThat(clients.get("anonymous").get("/api/v1/stream").status()).isEqualTo(401);
  }

  private static void assertMatrix(Map<String, List<Integer>> expected, List<String> columns,
      java.util.function.Function<String, String> path) {
    Map<String, List<Integer>> actual = new LinkedHashMap<>();
    for (String user : USERS) {
      actual.put(user, columns.stream().map(c -> clients.get(user).get(path.apply(c)).status())
          .toList());
    }
    Map<String, List<Integer>> wanted = new LinkedHashMap<>();
    USERS.forEach(u -> wanted.put(u, expected.get(u)));
    assertThat(actual).as("status by user for %s", columns).isEqualTo(wanted);
  }

  private static Set<String> ids(JsonArray items, String key) {
    Set<String> ids = new TreeSet<>();
    for (Object o : items) {
      ids.add(((JsonObject) o).getString(key));
    }
    return ids;
  }
}
