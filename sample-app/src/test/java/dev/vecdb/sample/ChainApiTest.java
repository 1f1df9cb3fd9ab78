package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.vecdb.sample.chain.ChainVectors;
import dev.vecdb.vec.StoredVec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** Ingestion and every read endpoint of the running service, over real HTTP. */
@TestPropertySource(properties = {
    "sample.feed.initial-blocks=2500", "sample.feed.batch-size=500", "sample.feed.interval=0s",
    "sample.api.max-values=1000"})
class ChainApiTest extends RunningSample {
  private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  @Autowired
  ChainVectors vectors;

  private HttpApi api;

  @BeforeEach
  void client() {
    api = api();
  }

  @Test
  void startupIngestsTheInitialBlocksInStampedBatches() {
    for (StoredVec vector : vectors.all()) {
      assertThat(vector.storedLen()).as(vector.name()).isEqualTo(2500);
      assertThat(vector.stamp()).as(vector.name()).isEqualTo(2499);
      assertThat(vector.changeStamps()).as(vector.name()).containsExactly(499L, 999L, 1499L, 1999L, 2499L);
    }
    assertThat(dir.resolve("data")).isRegularFile();
  }

  @Test
  void latestBlockIsTheTip() {
    ResponseEntity<String> response = api.get("/api/blocks/latest");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String body = response.getBody();
    assertThat((Integer) JsonPath.read(body, "$.height")).isEqualTo(2499);
    assertThat((String) JsonPath.read(body, "$.hash")).hasSize(64);
    assertThat((Double) JsonPath.read(body, "$.price")).isEqualTo((Double) JsonPath.read(body, "$.priceCents") / 100);
    assertThat((String) JsonPath.read(body, "$.time")).endsWith("Z");
  }

  @Test
  void aBlockAgreesWithEverySeries() {
    String block = api.get("/api/blocks/1234").getBody();
    assertThat(seriesValue("timestamp", 1234)).isEqualTo(JsonPath.read(block, "$.timestamp"));
    assertThat(seriesValue("price", 1234)).isEqualTo(JsonPath.read(block, "$.priceCents"));
    assertThat(seriesValue("tx-count", 1234)).isEqualTo(JsonPath.read(block, "$.txCount"));
    assertThat(seriesValue("fees", 1234)).isEqualTo(JsonPath.read(block, "$.fees"));
    assertThat(seriesValue("hash", 1234)).isEqualTo(JsonPath.read(block, "$.hash"));
  }

  private Object seriesValue(String series, long height) {
    List<Object> values = api.read("/api/series/" + series + "?from=" + height + "&to=" + (height + 1), "$.values");
    return values.getFirst();
  }

  @Test
  void seriesListGivesTypesFormatsAndSizes() {
    List<Map<String, Object>> series = api.read("/api/series", "$");
    assertThat(series).extracting(s -> s.get("name")).containsExactly("timestamp", "price", "tx-count", "fees", "hash",
        "price-sma", "price-ema", "tx-count-cumulative", "fees-rolling", "fee-per-tx");
    assertThat(series).extracting(s -> s.get("kind")).containsExactly("source", "source", "source", "source", "source",
        "eager", "eager", "eager", "eager", "lazy");
    assertThat(series).extracting(s -> s.get("format"))
        .containsExactly("zero-copy", "pco", "pco", "pco", "lz4", "pco", "pco", "pco", "pco", "lazy");
    assertThat(series).extracting(s -> s.get("type"))
        .containsExactly("u64", "f64", "u32", "u64", "bytes32", "f64", "f64", "u64", "u64", "f64");
    assertThat(series).extracting(s -> s.get("length")).containsOnly(2500);
    assertThat(series).extracting(s -> s.get("numeric")).filteredOn(numeric -> numeric.equals(false)).hasSize(1);
    assertThat(series.getLast()).containsEntry("storedBytes", 0).containsEntry("stamp", 0);
    Map<String, Object> price = series.get(1);
    assertThat((Integer) price.get("uncompressedBytes")).isEqualTo(2500 * 8);
    assertThat((Double) price.get("compressionRatio")).isGreaterThan(1.5);
  }

  @Test
  void rangesAreSignedLikeTheVectorApi() {
    String last = api.get("/api/series/price?from=-10").getBody();
    assertThat((Integer) JsonPath.read(last, "$.from")).isEqualTo(2490);
    assertThat((Integer) JsonPath.read(last, "$.to")).isEqualTo(2500);
    assertThat((Integer) JsonPath.read(last, "$.length")).isEqualTo(2500);
    List<Double> lastTen = JsonPath.read(last, "$.values");
    List<Double> same = api.read("/api/series/price?from=2490&to=2500", "$.values");
    assertThat(lastTen).hasSize(10).isEqualTo(same);
    List<Double> middle = api.read("/api/series/price?from=-20&to=-10", "$.values");
    assertThat(middle).isEqualTo(api.read("/api/series/price?from=2480&to=2490", "$.values"));
    List<Double> byDefault = api.read("/api/series/price", "$.values");
    assertThat(byDefault).hasSize(100).endsWith(lastTen.toArray(Double[]::new));
  }

  @Test
  void feePerTransactionIsComputedOnRead() {
    List<Number> fees = api.read("/api/series/fees?from=-50", "$.values");
    List<Number> txCounts = api.read("/api/series/tx-count?from=-50", "$.values");
    List<Number> feePerTx = api.read("/api/series/fee-per-tx?from=-50", "$.values");
    assertThat(feePerTx).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(feePerTx.get(i).doubleValue()).isEqualTo(fees.get(i).doubleValue() / txCounts.get(i).intValue());
    }
    assertThat(api.get("/api/series/fee-per-tx?from=-2&format=csv").getBody())
        .startsWith("fee-per-tx\n").hasLineCount(3);
  }

  @Test
  void csvExportsTheSameValues() {
    ResponseEntity<String> csv = api.get("/api/series/tx-count?from=-3&format=csv");
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv"));
    List<Integer> json = api.read("/api/series/tx-count?from=-3", "$.values");
    assertThat(csv.getBody()).isEqualTo("tx-count\n" + json.get(0) + "\n" + json.get(1) + "\n" + json.get(2) + "\n");
    String hashes = api.get("/api/series/hash?from=-2&format=csv").getBody();
    assertThat(hashes.lines()).hasSize(3).first().isEqualTo("hash");
    assertThat(hashes.lines().skip(1)).allMatch(line -> line.matches("[0-9a-f]{64}"));
  }

  @Test
  void badRequestsGetProblemDetails() {
    assertProblem(api.get("/api/series/volume"), HttpStatus.NOT_FOUND,
        "no series 'volume'; known series: timestamp, price, tx-count, fees, hash, price-sma");
    assertProblem(api.get("/api/series/price?from=2501"), HttpStatus.BAD_REQUEST, "from=2501 is out of range");
    assertProblem(api.get("/api/series/price?from=-2501"), HttpStatus.BAD_REQUEST, "from=-2501 is out of range");
    assertProblem(api.get("/api/series/price?from=10&to=5"), HttpStatus.BAD_REQUEST, "from 10 is after to 5");
    assertProblem(api.get("/api/series/price?from=0&to=1001"), HttpStatus.BAD_REQUEST,
        "holds 1001 values, more than the 1000");
    assertProblem(api.get("/api/series/price?format=xml"), HttpStatus.BAD_REQUEST, "format 'xml' is not supported");
    assertProblem(api.get("/api/series/price?from=abc"), HttpStatus.BAD_REQUEST, "from");
    assertProblem(api.get("/api/blocks/2500"), HttpStatus.NOT_FOUND, "no block at height 2500");
    assertProblem(api.post("/api/reorg"), HttpStatus.BAD_REQUEST, "toHeight");
    assertProblem(api.post("/api/reorg?toHeight=2500"), HttpStatus.BAD_REQUEST, "choose a height in [1, 2499]");
    assertProblem(api.post("/api/reorg?toHeight=0"), HttpStatus.BAD_REQUEST, "choose a height in [1, 2499]");
    assertProblem(api.post("/api/reorg?toHeight=499"), HttpStatus.CONFLICT, "the oldest retained is 499");
    assertProblem(api.get("/api/nothing"), HttpStatus.NOT_FOUND, "nothing");
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String detail) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
    assertThat((Integer) JsonPath.read(response.getBody(), "$.status")).isEqualTo(status.value());
    assertThat((String) JsonPath.read(response.getBody(), "$.title")).isNotBlank();
    assertThat((String) JsonPath.read(response.getBody(), "$.detail")).contains(detail);
  }

  @Test
  void pageAndItsScriptsAreServed() {
    assertThat(api.get("/").getBody()).contains("<svg id=\"chart\"").contains("app.js");
    assertThat(api.get("/app.js").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("/app.css").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void actuatorExposesHealthInfoMetricsAndVecdb() {
    assertThat((String) api.read("/actuator/health", "$.status")).isEqualTo("UP");
    assertThat((String) api.read("/actuator/health", "$.components.vecdb.status")).isEqualTo("UP");
    assertThat((String) api.read("/actuator/info", "$.app.name")).isEqualTo("vecdb sample");
    assertThat(api.<List<String>>read("/actuator/metrics", "$.names"))
        .contains("chain.blocks.ingested", "vecdb.vector.length");
    assertThat((Integer) api.read("/actuator/vecdb/price", "$.vector.length")).isEqualTo(2500);
    List<String> formats = api.read("/actuator/vecdb", "$.vectors[*].format");
    assertThat(formats).containsExactly("zero-copy", "pco", "pco", "pco", "lz4", "pco", "pco", "pco", "pco");
    List<String> hashes = api.read("/actuator/vecdb/hash?from=0&to=2", "$.values");
    assertThat(hashes).isEqualTo(api.read("/api/series/hash?from=0&to=2", "$.values"))
        .allMatch(hash -> hash.matches("[0-9a-f]{64}"));
    assertThat((String) api.read("/actuator/vecdb/hash", "$.vector.type")).isEqualTo("bytes32");
  }

  @Test
  void prometheusScrapeHasTheVecdbAndChainMeters() {
    String scrape = api.get("/actuator/prometheus").getBody();
    assertThat(scrape)
        .contains("vecdb_vector_length{format=\"pco\",vector=\"price\"} 2500.0")
        .contains("vecdb_vector_stamp{format=\"lz4\",vector=\"hash\"} 2499.0")
        .contains("vecdb_vector_compression_ratio{format=\"pco\",vector=\"fees\"}")
        .contains("vecdb_flush_seconds_count{error=\"none\",outcome=\"success\"}")
        .contains("chain_blocks_ingested_total 2500.0")
        .contains("chain_reorgs_total 0.0");
  }
}
