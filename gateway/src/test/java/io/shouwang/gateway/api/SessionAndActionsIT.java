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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Logging in and out, and a responder taking an incident from paged to resolved over the API. */
@Timeout(300)
class SessionAndActionsIT {

  @TempDir static Path dir;
  static GatewayFixture fixture;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.startWithRegistry(dir, TestRegistries.writeWithUsers(dir), Map.of());
    port = fixture.gateway().httpPort();
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void loginSetsAnHttpOnlyStrictCookieAndLogoutEndsTheSession() {
    ApiClient client = new ApiClient(port);
    ApiClient.Response login = client.login("carer1", TestRegistries.PASSWORD);

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().getString("role")).isEqualTo("caregiver");
    assertThat(login.json().getJsonArray("households")).containsExactly("hh-0001", "hh-0002");
    String cookie = login.raw().headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie).startsWith("shouwang.session=").containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict");
    assertThat(client.get("/api/v1/me").json().getString("username")).isEqualTo("carer1");
    assertThat(client.get("/").raw().headers().firstValue("location")).contains("/caregiver.html");

    assertThat(client.delete("/api/v1/session").status()).isEqualTo(204);
    ApiClient.Response after = client.get("/api/v1/me");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().getString("code")).isEqualTo("not_logged_in");
    assertThat(client.get("/").raw().headers().firstValue("location")).contains("/login.html");
  }

  @Test
  void theDeadLetterRecordIsForAdministratorsOnlyAndTheProbesStayOpen() {
    ApiClient anonymous = new ApiClient(port);
    ApiClient family = new ApiClient(port);
    family.login("family1", TestRegistries.PASSWORD);
    ApiClient admin = new ApiClient(port);
    admin.login("admin", TestRegistries.PASSWORD);

    assertThat(anonymous.get("/dead-letters").status()).isEqualTo(401);
    assertThat(family.get("/dead-letters").status()).isEqualTo(403);
    assertThat(admin.get("/dead-letters").json().getLong("total")).isNotNull();
    assertThat(anonymous.get("/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/metrics").status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordsAreRefusedAndRepeatedOnesAreRateLimited() {
    ApiClient client = new ApiClient(port);
    ApiClient.Response wrong = client.login("family2", "not-the-password");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().getString("code")).isEqualTo("bad_credentials");
    assertThat(client.login("nobody", "x").json().getString("code")).isEqualTo("bad_credentials");
    for (int i = 0; i < 4; i++) {
      client.login("family2", "still-wrong-" + i);
    }
    ApiClient.Response limited = client.login("family2", TestRegistries.PASSWORD);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().getString("code")).isEqualTo("too_many_attempts");
    assertThat(limited.raw().headers().firstValue("retry-after")).isPresent();
    assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void badInputGetsAJsonErrorWithAStableCodeNeverA500() {
    ApiClient desk = new ApiClient(port);
    desk.login("desk", TestRegistries.PASSWORD);
    Map<ApiClient.Response, String> cases = Map.of(
        desk.postRaw("/api/v1/session", "{not json"), "bad_request",
        desk.postRaw("/api/v1/session", "[1,2]"), "bad_request",
        desk.post("/api/v1/session", new JsonObject().put("username", 7)), "bad_request",
        desk.get("/api/v1/incidents?state=maybe"), "bad_request",
        desk.get("/api/v1/incidents?limit=-3"), "bad_request",
        desk.get("/api/v1/devices?status=melted"), "bad_request",
        desk.get("/api/v1/no-such-thing"), "not_found",
        desk.post("/api/v1/incidents/inc-nope/accept", new JsonObject().put("etaMinutes", 5)),
        "not_found");
    cases.forEach((response, code) -> {
      assertThat(response.raw().headers().firstValue("content-type")).get().asString()
          .startsWith("application/json");
      assertThat(response.json().getString("code")).as(response.text()).isEqualTo(code);
      assertThat(response.json().getString("message")).isNotBlank();
    });
    assertThat(new ApiClient(port).get("/api/v1/openapi.yaml").text()).startsWith("openapi:");
  }

  @Test
  void aResponderTakesAnIncidentFromPagedToResolvedAndTheTimelineSaysWhoDidWhat()
      throws Exception {
    ApiClient desk = new ApiClient(port);
    desk.login("desk", TestRegistries.PASSWORD);
    ApiClient carer = new ApiClient(port);
    carer.login("carer1", TestRegistries.PASSWORD);
    try (TestPublisher devices = new TestPublisher(fixture.brokerUrl())) {
      devices.publish(MessageClass.EVENT, Envelopes.press("btn-0002", 1, Instant.now()),
          Encoding.PROTOBUF, 1);
    }
    String id = await().atMost(Duration.ofSeconds(30)).until(() -> desk
        .get("/api/v1/incidents?household=hh-0002").json().getJsonArray("incidents"),
        list -> !list.isEmpty()).getJsonObject(0).getString("id");
    String base = "/api/v1/incidents/" + id;

    ApiClient.Response early = carer.post(base + "/resolve", new JsonObject().put("outcome", "ok"));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().getString("code")).isEqualTo("invalid_transition");
    ApiClient.Response badEta = carer.post(base + "/accept",
        new JsonObject().put("etaMinutes", "soon"));
    assertThat(badEta.status()).isEqualTo(400);
    assertThat(badEta.json().getString("field")).isEqualTo("etaMinutes");

    JsonObject accepted = carer.post(base + "/accept", new JsonObject().put("etaMinutes", 10))
        .json();
    assertThat(accepted.getString("state")).isEqualTo("accepted");
    assertThat(accepted.getJsonObject("acceptedBy").getString("name")).isEqualTo("Carer One");
    assertThat(carer.post(base + "/on-site", new JsonObject()).json().getString("state"))
        .isEqualTo("on_site");
    JsonObject resolved = carer.post(base + "/resolve", new JsonObject()
        .put("outcome", "resident_ok").put("note", "pressed by mistake")).json();
    assertThat(resolved.getString("state")).isEqualTo("resolved");

    JsonArray timeline = desk.get(base).json().getJsonArray("timeline");
    List<String> actions = timeline.stream().map(e -> ((JsonObject) e).getString("action"))
        .toList();
    assertThat(actions).contains("raised", "accepted", "on_site", "resolved");
    JsonObject resolvedEntry = timeline.stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals("resolved")).findFirst().orElseThrow();
    assertThat(resolvedEntry.getString("actorName")).isEqualTo("Carer One");
    assertThat(resolvedEntry.getString("detail")).contains("pressed by mistake");
    assertThat(desk.get("/api/v1/incidents?household=hh-0002").json()
        .getJsonArray("incidents")).isEmpty();
    assertThat(desk.get("/api/v1/incidents?state=closed&household=hh-0002").json()
        .getJsonArray("incidents").getJsonObject(0).getString("id")).isEqualTo(id);
  }
}
