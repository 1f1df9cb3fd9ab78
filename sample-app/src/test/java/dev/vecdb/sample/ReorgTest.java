package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.vecdb.sample.chain.ChainVectors;
import dev.vecdb.vec.StoredVec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** {@code POST /api/reorg}: every vector rolls back with its change sets and takes an alternative branch. */
@TestPropertySource(properties = {
    "sample.feed.initial-blocks=3000", "sample.feed.batch-size=400", "sample.feed.interval=0s",
    DerivedExpectations.SMA_PROPERTY, DerivedExpectations.EMA_PROPERTY, DerivedExpectations.FEE_PROPERTY})
class ReorgTest extends RunningSample {
  @Autowired
  ChainVectors vectors;

  @Test
  void reorgReplacesTheBlocksFromTheHeightAndKeepsTheOnesBelow() {
    HttpApi api = api();
    List<String> hashesBefore = api.read("/api/series/hash?from=2500&to=3000", "$.values");
    List<Double> pricesBefore = api.read("/api/series/price?from=2500&to=3000", "$.values");
    List<Long> feesBefore = api.read("/api/series/fees?from=2500&to=3000", "$.values");
    String latestBefore = api.get("/api/blocks/latest").getBody();

    ResponseEntity<String> reorg = api.post("/api/reorg?toHeight=2700");

    assertThat(reorg.getStatusCode()).isEqualTo(HttpStatus.OK);
    String result = reorg.getBody();
    assertThat((Integer) JsonPath.read(result, "$.toHeight")).isEqualTo(2700);
    assertThat((Integer) JsonPath.read(result, "$.previousTip")).isEqualTo(2999);
    assertThat((Integer) JsonPath.read(result, "$.rolledBackTo")).isEqualTo(2399);
    assertThat((Integer) JsonPath.read(result, "$.keptBlocks")).isEqualTo(300);
    assertThat((Integer) JsonPath.read(result, "$.replacedBlocks")).isEqualTo(300);

    List<String> hashesAfter = api.read("/api/series/hash?from=2500&to=3000", "$.values");
    List<Double> pricesAfter = api.read("/api/series/price?from=2500&to=3000", "$.values");
    List<Long> feesAfter = api.read("/api/series/fees?from=2500&to=3000", "$.values");
    assertThat(hashesAfter.subList(0, 200)).isEqualTo(hashesBefore.subList(0, 200));
    assertThat(pricesAfter.subList(0, 200)).isEqualTo(pricesBefore.subList(0, 200));
    assertThat(feesAfter.subList(0, 200)).isEqualTo(feesBefore.subList(0, 200));
    for (int i = 200; i < 500; i++) {
      assertThat(hashesAfter.get(i)).as("hash at height %d", 2500 + i).isNotEqualTo(hashesBefore.get(i));
    }
    assertThat(pricesAfter.subList(200, 500)).isNotEqualTo(pricesBefore.subList(200, 500));
    assertThat(feesAfter.subList(200, 500)).isNotEqualTo(feesBefore.subList(200, 500));

    String latestAfter = api.get("/api/blocks/latest").getBody();
    assertThat((Integer) JsonPath.read(latestAfter, "$.height")).isEqualTo(2999);
    assertThat((String) JsonPath.read(latestAfter, "$.hash")).isNotEqualTo(JsonPath.read(latestBefore, "$.hash"));
    DerivedExpectations.assertDerivedMatchTheChain(api);
    for (StoredVec vector : vectors.all()) {
      assertThat(vector.storedLen()).as(vector.name()).isEqualTo(3000);
      assertThat(vector.stamp()).as(vector.name()).isEqualTo(2999);
      assertThat(vector.changeStamps()).as(vector.name() + ": the rollback's change sets 2799 and 2999 consumed")
          .endsWith(1999L, 2399L, 2999L);
    }
    assertThat(api.get("/actuator/prometheus").getBody()).contains("chain_reorgs_total 1.0");

    ResponseEntity<String> tooDeep = api.post("/api/reorg?toHeight=399");
    assertThat(tooDeep.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(api.read("/api/series/hash?from=2500&to=3000", "$.values").equals(hashesAfter)).isTrue();
  }
}
