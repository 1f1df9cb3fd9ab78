package dev.vecdb.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.DatabaseOptions;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code vecdbsnapshot} endpoint over HTTP: enabled with write access, and in its default, read-only state. */
class VecdbWebSnapshotTests {
  @TempDir
  static Path dir;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static HttpResponse<String> post(int port, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/vecdbsnapshot"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(int port) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/vecdbsnapshot"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Nested
  @SpringBootTest(classes = WebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
      "management.endpoints.web.exposure.include=vecdbsnapshot",
      "management.endpoint.vecdbsnapshot.access=unrestricted",
      "vecdb.endpoint.snapshot-enabled=true",
      "vecdb.vectors.prices.type=i64"})
  class Enabled {
    @DynamicPropertySource
    static void paths(DynamicPropertyRegistry registry) {
      registry.add("vecdb.path", () -> dir.resolve("enabled-db").toString());
      registry.add("vecdb.endpoint.snapshot-directory", () -> dir.resolve("snapshots").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    Database database;

    @Autowired
    @Qualifier("prices")
    LongVec prices;

    @Test
    void postWritesASnapshotThatOpensWithTheCommittedValues() throws Exception {
      for (long value = 0; value < 100; value++) {
        prices.push(value * 3);
      }
      prices.write();
      database.flush();
      HttpResponse<String> answer = post(port, "{\"name\":\"over-http\"}");
      assertThat(answer.statusCode()).isEqualTo(200);
      Path target = dir.resolve("snapshots/over-http").toAbsolutePath();
      assertThat(answer.body()).contains("\"taken\":true").contains("\"commitNumber\":" + database.commitNumber())
          .contains(target.toString()).doesNotContain("error");
      try (Database copy = Database.open(target, DatabaseOptions.DEFAULT.withReadOnly(true))) {
        LongVec copied = copy.longVec("prices", NumberType.I64, VecOptions.DEFAULT);
        assertThat(copied.len()).isEqualTo(100);
        assertThat(copied.get(99)).isEqualTo(297);
      }
      assertThat(get(port).body()).contains("\"enabled\":true").contains("over-http");

      HttpResponse<String> again = post(port, "{\"name\":\"over-http\"}");
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.body()).contains("\"taken\":false");
      assertThat(post(port, "{\"name\":\"../escape\"}").statusCode()).isEqualTo(400);
      assertThat(dir.resolve("escape")).doesNotExist();
    }

    @Test
    void postWithoutANameNamesTheSnapshotAfterItsTime() throws Exception {
      HttpResponse<String> answer = post(port, "{}");
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).containsPattern("snapshots/snapshot-\\d{8}T\\d{6}\\.\\d{3}Z\"");
    }
  }

  @Nested
  @SpringBootTest(classes = WebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
      "management.endpoints.web.exposure.include=vecdbsnapshot",
      "vecdb.vectors.prices.type=i64"})
  class ByDefault {
    @DynamicPropertySource
    static void paths(DynamicPropertyRegistry registry) {
      registry.add("vecdb.path", () -> dir.resolve("default-db").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void readsTheStatusAndRefusesToWrite() throws Exception {
      HttpResponse<String> status = get(port);
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).isEqualTo("{\"enabled\":false}");
      assertThat(post(port, "{\"name\":\"refused\"}").statusCode()).isBetween(400, 499);
      assertThat(dir.resolve("refused")).doesNotExist();
    }
  }

  @Nested
  @SpringBootTest(classes = WebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
      "management.endpoints.web.exposure.include=vecdbsnapshot",
      "management.endpoint.vecdbsnapshot.access=unrestricted",
      "vecdb.vectors.prices.type=i64"})
  class WriteAccessWithoutTheProperty {
    @DynamicPropertySource
    static void paths(DynamicPropertyRegistry registry) {
      registry.add("vecdb.path", () -> dir.resolve("unset-db").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void isForbiddenAndSaysWhichPropertyEnablesIt() throws Exception {
      HttpResponse<String> answer = post(port, "{\"name\":\"refused\"}");
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.body()).contains("vecdb.endpoint.snapshot-enabled=true");
    }
  }
}
