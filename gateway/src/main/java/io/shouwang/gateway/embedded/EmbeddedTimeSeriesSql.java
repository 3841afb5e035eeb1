package io.shouwang.gateway.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Runs SQL through QuestDB's HTTP endpoint /exec; blocking, for start-up, tests and the demo. */
final class EmbeddedTimeSeriesSql {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The JSON answer to the SQL; fails with the server's error for a refused statement. */
  JsonNode exec(String baseUrl, String sql) {
    URI uri = URI.create(baseUrl + "/exec?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200 || body.has("error")) {
        throw new IllegalStateException(
            "QuestDB refused [" + sql + "]: HTTP " + response.statusCode() + " "
                + body.path("error").asText(response.body()));
      }
      return body;
    } catch (IOException e) {
      throw new IllegalStateException("QuestDB at " + baseUrl + " did not answer [" + sql + "]", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while querying QuestDB", e);
    }
  }
}
