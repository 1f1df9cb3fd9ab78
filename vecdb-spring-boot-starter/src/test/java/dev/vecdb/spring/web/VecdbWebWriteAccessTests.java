package dev.vecdb.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = WebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=vecdb",
    "management.endpoint.vecdb.access=unrestricted",
    "vecdb.endpoint.rollback-enabled=true",
    "vecdb.vectors.prices.type=i64"})
class VecdbWebWriteAccessTests {
  @TempDir
  static Path dir;

  @DynamicPropertySource
  static void databasePath(DynamicPropertyRegistry registry) {
    registry.add("vecdb.path", () -> dir.toString());
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void flushIsAllowedWithUnrestrictedAccess() throws Exception {
    HttpResponse<String> flush = post("/actuator/vecdb");
    assertThat(flush.statusCode()).isEqualTo(200);
    assertThat(flush.body()).contains("\"flushed\":true").doesNotContain("error");
  }

  @Test
  void enabledRollbackExplainsAVectorWithoutChangeSets() throws Exception {
    HttpResponse<String> rollback = post("/actuator/vecdb/prices");
    assertThat(rollback.statusCode()).isEqualTo(200);
    assertThat(rollback.body()).contains("\"rolledBack\":false").contains("keeps no change sets");
    HttpResponse<String> missing = post("/actuator/vecdb/missing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("no vector 'missing'");
  }
}
