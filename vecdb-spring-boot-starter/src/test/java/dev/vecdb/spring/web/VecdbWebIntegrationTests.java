package dev.vecdb.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjVec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = WebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=health,prometheus,vecdb",
    "management.endpoint.health.show-details=always",
    "vecdb.vectors.prices.type=i64", "vecdb.vectors.hashes.type=bytes2", "vecdb.vectors.hashes.format=lz4",
    "vecdb.vectors.candles.type=record:dev.vecdb.spring.web.VecdbWebIntegrationTests$Candle"})
class VecdbWebIntegrationTests {
  @TempDir
  static Path dir;

  @DynamicPropertySource
  static void databasePath(DynamicPropertyRegistry registry) {
    registry.add("vecdb.path", () -> dir.toString());
  }

  @LocalServerPort
  int port;

  @Autowired
  @Qualifier("prices")
  LongVec prices;

  @Autowired
  @Qualifier("hashes")
  ObjVec<byte[]> hashes;

  @Autowired
  @Qualifier("candles")
  ObjVec<Candle> candles;

  @Autowired
  VecdbFlusher flusher;

  /** A record type, written as a JSON object. */
  public record Candle(double open, long volume) {}

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void writeVectors() {
    prices.clear();
    prices.push(100);
    prices.push(200);
    prices.push(300);
    prices.write();
    hashes.clear();
    hashes.push(new byte[] {(byte) 0xAB, 0x01});
    hashes.push(new byte[] {0, 0});
    hashes.delete(1);
    hashes.write();
    candles.clear();
    candles.push(new Candle(1.5, 7));
    candles.write();
    flusher.flush();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void prometheusScrapeHasTheVecdbMeters() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("vecdb_vector_length{format=\"bytes\",vector=\"prices\"} 3.0")
        .contains("vecdb_vector_holes{format=\"bytes\",vector=\"prices\"} 0.0")
        .contains("vecdb_vector_stamp{format=\"bytes\",vector=\"prices\"}")
        .contains("vecdb_vector_stored_size_bytes{format=\"bytes\",vector=\"prices\"}")
        .contains("vecdb_vector_uncompressed_size_bytes{format=\"bytes\",vector=\"prices\"} 24.0")
        .contains("vecdb_vector_compression_ratio{format=\"bytes\",vector=\"prices\"}")
        .contains("vecdb_file_size_bytes ")
        .contains("vecdb_disk_usage_bytes ")
        .containsPattern("vecdb_flush_seconds_count\\{error=\"none\",outcome=\"success\"} [1-9]")
        .contains("vecdb_flush_seconds_sum{error=\"none\",outcome=\"success\"}");
  }

  @Test
  void endpointReadsTheDatabaseAndAVector() throws Exception {
    HttpResponse<String> summary = get("/actuator/vecdb");
    assertThat(summary.statusCode()).isEqualTo(200);
    assertThat(summary.body()).contains("\"name\":\"prices\"").contains("\"length\":3").contains("\"open\":true");
    HttpResponse<String> vector = get("/actuator/vecdb/prices?from=1&to=3");
    assertThat(vector.statusCode()).isEqualTo(200);
    assertThat(vector.body()).contains("\"values\":[200,300]");
    assertThat(get("/actuator/vecdb/prices?from=-1").body()).contains("\"from\":2").contains("\"values\":[300]");
    assertThat(get("/actuator/vecdb/missing").statusCode()).isEqualTo(404);
  }

  @Test
  void byteArraysAreHexAndRecordsAreObjects() throws Exception {
    HttpResponse<String> hash = get("/actuator/vecdb/hashes?from=0&to=2");
    assertThat(hash.statusCode()).isEqualTo(200);
    assertThat(hash.body()).contains("\"values\":[\"ab01\",null]").contains("\"type\":\"bytes2\"");
    HttpResponse<String> candle = get("/actuator/vecdb/candles?from=0&to=1");
    assertThat(candle.statusCode()).isEqualTo(200);
    assertThat(candle.body()).contains("\"values\":[{\"open\":1.5,\"volume\":7}]")
        .contains("\"type\":\"record:dev.vecdb.spring.web.VecdbWebIntegrationTests$Candle\"");
  }

  @Test
  void anInvertedRangeIsABadRequestAndAbsentFieldsAreLeftOut() throws Exception {
    assertThat(get("/actuator/vecdb/prices?from=2&to=1").statusCode()).isEqualTo(400);
    HttpResponse<String> plain = get("/actuator/vecdb/prices");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).doesNotContain("null").doesNotContain("values").doesNotContain("\"from\"");
    assertThat(get("/actuator/vecdb").body()).doesNotContain("null");
  }

  @Test
  void writeOperationsAreNotAccessibleByDefault() throws Exception {
    HttpResponse<String> flush = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/actuator/vecdb")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(flush.statusCode()).isNotEqualTo(200).isBetween(400, 499);
  }

  @Test
  void healthReportsTheDatabase() throws Exception {
    HttpResponse<String> health = get("/actuator/health/vecdb");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("freeSpace");
  }
}
